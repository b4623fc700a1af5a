using QRCoder;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>
/// Draws a VietQR payload as a QR symbol: error correction M (what bank apps scan reliably without a logo) with the
/// four-module quiet zone the QR standard asks for, so it scans even on a coloured email background.
/// </summary>
public static class VietQrImage
{
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.M;

    /// <summary>An SVG sized by its viewBox (one unit a module), so the page or email decides its display size.</summary>
    public static string ToSvg(VietQrPayload payload)
    {
        using var symbol = Encode(payload);
        return new SvgQRCode(symbol).GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>A black-on-white PNG for email attachments (mail clients that block inline SVG still show it).</summary>
    public static byte[] ToPng(VietQrPayload payload, int pixelsPerModule = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var symbol = Encode(payload);
        return new PngByteQRCode(symbol).GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    /// <summary>The module matrix, quiet zone included (4 modules each side).</summary>
    internal static QRCodeData Encode(VietQrPayload payload) => QRCodeGenerator.GenerateQrCode(payload.Text, ErrorCorrection);
}
