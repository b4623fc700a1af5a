using System.Globalization;
using System.Text;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>One EMVCo data object: a two-digit id, a two-digit length and the value.</summary>
public sealed record EmvField(string Id, string Value);

/// <summary>Writes and reads EMVCo "ID, length, value" data objects (lengths count characters, at most 99).</summary>
internal static class EmvTlv
{
    public static StringBuilder AppendField(this StringBuilder builder, string id, string value)
    {
        if (id.Length != 2 || value.Length > 99)
        {
            throw new ArgumentException($"Data object {id} cannot hold {value.Length} characters.", nameof(value));
        }
        return builder.Append(id).Append(value.Length.ToString("D2", CultureInfo.InvariantCulture)).Append(value);
    }

    public static string Field(string id, string value) => new StringBuilder().AppendField(id, value).ToString();

    /// <summary>Splits text into data objects; false when a header is not digits or a length runs past the end.</summary>
    public static bool TryRead(string text, out IReadOnlyList<EmvField> fields)
    {
        var read = new List<EmvField>();
        fields = read;
        var position = 0;
        while (position < text.Length)
        {
            if (position + 4 > text.Length || !AreDigits(text.AsSpan(position, 4)))
            {
                return false;
            }
            var length = int.Parse(text.AsSpan(position + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            if (position + 4 + length > text.Length)
            {
                return false;
            }
            read.Add(new EmvField(text.Substring(position, 2), text.Substring(position + 4, length)));
            position += 4 + length;
        }
        return true;
    }

    public static string? Find(this IReadOnlyList<EmvField> fields, string id) =>
        fields.FirstOrDefault(f => f.Id == id)?.Value;

    private static bool AreDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
