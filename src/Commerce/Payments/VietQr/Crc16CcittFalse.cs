using System.Globalization;
using System.Text;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>
/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), the checksum EMVCo
/// QR payloads carry in tag 63. Its standard check value: "123456789" gives 0x29B1.
/// </summary>
public static class Crc16CcittFalse
{
    private const ushort Polynomial = 0x1021;
    private const ushort Initial = 0xFFFF;

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var crc = Initial;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ Polynomial) : (ushort)(crc << 1);
            }
        }
        return crc;
    }

    /// <summary>The CRC of the text's UTF-8 bytes as four upper-case hex digits, as written after "6304".</summary>
    public static string ComputeHex(string text) =>
        Compute(Encoding.UTF8.GetBytes(text)).ToString("X4", CultureInfo.InvariantCulture);
}
