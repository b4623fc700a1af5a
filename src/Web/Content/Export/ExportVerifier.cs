using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// Reads a written export back with the importer's own reader and compares it with what was meant to be written:
/// the round trip is checked on every export, not assumed.
/// </summary>
public sealed class ExportVerifier(SeedContentReader reader)
{
    public async Task<IReadOnlyList<string>> VerifyAsync(string folder, ExportContent expected, CancellationToken cancellationToken)
    {
        var (content, errors) = await reader.ReadAsync(folder, cancellationToken);
        if (content is null)
        {
            return [.. errors.Select(e => $"the export would not import: {e}")];
        }

        var problems = new List<string>();
        CompareDocuments(expected.Documents, content.Documents, problems);
        CompareMedia(expected.Media, content.Media, problems);
        CompareProducts(expected.Products, content.Products, problems);
        if (!expected.Holidays.Select(Holiday).SequenceEqual(content.Holidays.Select(Holiday), StringComparer.Ordinal))
        {
            problems.Add($"{HolidaysReader.FileName}: the holidays would import differently");
        }

        return problems;
    }

    private static void CompareDocuments(IReadOnlyList<ExportDocument> expected, IReadOnlyList<SeedDocument> read, List<string> problems)
    {
        var byAlias = read.ToDictionary(d => d.Alias, StringComparer.Ordinal);
        foreach (var document in expected)
        {
            if (!byAlias.Remove(document.Alias, out var back))
            {
                problems.Add($"{document.File}: not read back");
            }
            else if (back.Type != document.Type || back.ParentAlias != document.ParentAlias || back.SortOrder != document.SortOrder)
            {
                problems.Add($"{document.File}: would import with another type, parent or sort order");
            }
            else if (back.Values.ToJson() != document.Values.ToJson())
            {
                var differing = document.Values.Aliases.Union(back.Values.Aliases)
                    .Where(a => Json(document.Values, a) != Json(back.Values, a));
                problems.Add($"{document.File}: {string.Join(", ", differing)} would import differently");
            }
        }

        problems.AddRange(byAlias.Values.Select(d => $"{d.File}: written but not exported"));
    }

    private static void CompareMedia(IReadOnlyList<ExportMedia> expected, IReadOnlyList<SeedMedia> read, List<string> problems)
    {
        var byAlias = read.ToDictionary(m => m.Alias, StringComparer.Ordinal);
        foreach (var media in expected)
        {
            if (!byAlias.Remove(media.Alias, out var back))
            {
                problems.Add($"{media.File}: not read back");
            }
            else if (back.Folder != media.Folder || back.Hash != media.UploadHash || !back.IsMaster
                || !SameText(back.Alt, media.Alt) || !SameText(back.Caption, media.Caption)
                || back.Credit != media.Credit || back.Licence != media.Licence
                || back.FocalX != media.FocalX || back.FocalY != media.FocalY)
            {
                problems.Add($"{media.File}: would import with another folder, hash, text or focal point");
            }
        }

        problems.AddRange(byAlias.Values.Select(m => $"{m.File}: written but not exported"));
    }

    private static void CompareProducts(IReadOnlyList<SeedProduct> expected, IReadOnlyList<SeedProduct> read, List<string> problems)
    {
        var byAlias = read.ToDictionary(p => p.Product.Alias, StringComparer.Ordinal);
        foreach (var product in expected)
        {
            if (!byAlias.Remove(product.Product.Alias, out var back))
            {
                problems.Add($"{product.File}: not read back");
            }
            else if (ProductFileWriter.Fingerprint(back.Product) != ProductFileWriter.Fingerprint(product.Product))
            {
                problems.Add($"{product.File}: would import with other values");
            }
        }

        problems.AddRange(byAlias.Values.Select(p => $"{p.File}: written but not exported"));
    }

    private static string Json(ContentValues values, string alias) =>
        string.Join('|', values.GetAll(alias).Select(v => $"{v.Key}={v.Value.ToJsonString(ContentJson.Options)}"));

    private static bool SameText(LocalizedText a, LocalizedText b) => a.SequenceEqual(b);

    private static string Holiday(PublicHoliday holiday) =>
        $"{holiday.From:O}/{holiday.To:O}/{string.Join('|', holiday.Name.Select(n => $"{n.Key}={n.Value}"))}";
}
