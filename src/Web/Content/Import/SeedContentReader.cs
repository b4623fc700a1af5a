using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>Everything in an umbraco-content folder, read and checked.</summary>
public sealed record SeedContent(IReadOnlyList<SeedMedia> Media, IReadOnlyList<SeedDocument> Documents, IReadOnlyList<PublicHoliday> Holidays)
{
    /// <summary>The shop's products, from each village's products/ folder.</summary>
    public IReadOnlyList<SeedProduct> Products { get; init; } = [];
}

/// <summary>Reads and checks every file; returns the content, or every problem found with its file and line.</summary>
public sealed class SeedContentReader(ContentHtml html, ImageValidator validator)
{
    public async Task<(SeedContent? Content, IReadOnlyList<ImportError> Errors)> ReadAsync(string root, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var media = await SeedMediaReader.ReadAsync(root, validator, errors, cancellationToken);
        var mediaKeys = media.GroupBy(m => m.Alias).ToDictionary(g => g.Key, g => StableKeys.ForMedia(g.Key), StringComparer.Ordinal);
        var documents = await new SeedDocumentReader(html).ReadAsync(root, mediaKeys, errors, cancellationToken);
        var products = await SeedProductReader.ReadAsync(
            root, SeedProductReader.VillageCodes(documents), mediaKeys.Keys.ToHashSet(StringComparer.Ordinal), errors, cancellationToken);
        List<PublicHoliday> holidays = [];
        try
        {
            holidays = await HolidaysReader.ReadAsync(root, cancellationToken);
        }
        catch (ImportException ex)
        {
            errors.Add(ex.Error);
        }

        return errors.Count > 0 ? (null, errors) : (new SeedContent(media, documents, holidays) { Products = products }, errors);
    }
}
