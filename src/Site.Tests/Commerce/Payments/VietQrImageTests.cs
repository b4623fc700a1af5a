using System.Buffers.Binary;
using System.Xml.Linq;
using QRCoder;
using VillageCraftPortal.Commerce.Payments.VietQr;

namespace VillageCraftPortal.Site.Tests.Commerce.Payments;

public sealed class VietQrImageTests
{
    private const int QuietZone = 4;

    private static readonly VietQrPayload Payload =
        VietQrPayload.Create(new VietQrTransfer("970436", "1023456789", 1_250_000, "VCP-2026-000123")).Payload!;

    [Fact]
    public void The_svg_is_well_formed_and_sized_by_a_viewbox_of_one_unit_a_module()
    {
        using var symbol = VietQrImage.Encode(Payload);
        var side = symbol.ModuleMatrix.Count;

        var svg = XDocument.Parse(VietQrImage.ToSvg(Payload)).Root!;

        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Equal($"0 0 {side} {side}", (string?)svg.Attribute("viewBox"));
        Assert.Null(svg.Attribute("width"));
    }

    [Fact]
    public void The_symbol_is_its_versions_size_plus_a_quiet_zone_and_carries_level_m()
    {
        using var symbol = VietQrImage.Encode(Payload);

        Assert.Equal(17 + (4 * symbol.Version) + (2 * QuietZone), symbol.ModuleMatrix.Count);
        Assert.Equal(QRCodeGenerator.ECCLevel.M, ReadErrorCorrection(symbol));
        // However an encoder splits the text into modes, the version lies between what the densest (numeric) and
        // the loosest (byte) mode need at level M.
        Assert.InRange(symbol.Version, SmallestVersion(NumericCapacityAtM, Payload.Text.Length), SmallestVersion(ByteCapacityAtM, Payload.Text.Length));
    }

    [Theory]
    [InlineData(QRCodeGenerator.ECCLevel.L)]
    [InlineData(QRCodeGenerator.ECCLevel.M)]
    [InlineData(QRCodeGenerator.ECCLevel.Q)]
    [InlineData(QRCodeGenerator.ECCLevel.H)]
    public void The_format_reader_used_above_tells_every_level_apart(QRCodeGenerator.ECCLevel level)
    {
        using var symbol = QRCodeGenerator.GenerateQrCode(Payload.Text, level);

        Assert.Equal(level, ReadErrorCorrection(symbol));
    }

    [Fact]
    public void The_png_is_a_png_of_the_whole_symbol_at_the_requested_scale()
    {
        using var symbol = VietQrImage.Encode(Payload);

        var png = VietQrImage.ToPng(Payload, pixelsPerModule: 5);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(symbol.ModuleMatrix.Count * 5, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }

    // Characters a symbol of versions 1–10 holds at level M (ISO/IEC 18004, table 7).
    private static readonly int[] NumericCapacityAtM = [34, 63, 101, 149, 202, 255, 293, 365, 432, 513];
    private static readonly int[] ByteCapacityAtM = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

    private static int SmallestVersion(int[] capacities, int length) => Array.FindIndex(capacities, c => c >= length) + 1;

    // The first copy of the 15 format bits (ISO/IEC 18004): row 8 columns 0–5, 7, 8, then column 8 rows 7, 5–0,
    // most significant first, masked with 0x5412; its top two bits are the level (L 01, M 00, Q 11, H 10).
    private static QRCodeGenerator.ECCLevel ReadErrorCorrection(QRCodeData symbol)
    {
        (int Row, int Column)[] positions = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)];
        var bits = positions.Aggregate(0, (acc, p) => (acc << 1) | (symbol.ModuleMatrix[p.Row + QuietZone][p.Column + QuietZone] ? 1 : 0));
        return (((bits ^ 0x5412) >> 13) & 0b11) switch
        {
            0b01 => QRCodeGenerator.ECCLevel.L,
            0b00 => QRCodeGenerator.ECCLevel.M,
            0b11 => QRCodeGenerator.ECCLevel.Q,
            _ => QRCodeGenerator.ECCLevel.H,
        };
    }
}
