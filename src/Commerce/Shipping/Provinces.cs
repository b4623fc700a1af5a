using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VillageCraftPortal.Commerce.Shipping;

/// <summary>
/// Việt Nam's 34 provincial-level units after Resolution 202/2025/QH15 (6 centrally-run cities, 28 provinces),
/// read once from the embedded Provinces.json.
/// </summary>
public sealed class Provinces
{
    public const string HaNoiCode = "ha-noi";

    private const string ResourceName = "VillageCraftPortal.Commerce.Shipping.Provinces.json";
    private static readonly Lazy<Provinces> Loaded = new(Load);

    private readonly Dictionary<string, Province> _byCode;

    private Provinces(IReadOnlyList<Province> all, ProvincesSource source)
    {
        _byCode = all.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        var vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
        InVietnameseOrder = [.. all.OrderBy(p => p.NameVi, vietnamese)];
        Source = source;
    }

    /// <summary>The list in force today, loaded on first use.</summary>
    public static Provinces Current => Loaded.Value;

    /// <summary>Sorted as Vietnamese readers expect (Đ after D, Ư after U, tones after the letter), not by code points.</summary>
    public IReadOnlyList<Province> InVietnameseOrder { get; }

    public ProvincesSource Source { get; }

    public int Count => _byCode.Count;

    /// <summary>The unit with that code (case-insensitive), or null for a code we do not know (e.g. a pre-2025 province).</summary>
    public Province? Find(string code) => _byCode.GetValueOrDefault(code);

    private static Provinces Load()
    {
        using var stream = typeof(Provinces).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var file = JsonSerializer.Deserialize<ProvincesFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{ResourceName} is empty.");
        var duplicate = file.Provinces.GroupBy(p => p.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{ResourceName} lists the code '{duplicate.Key}' twice.");
        }
        return new Provinces(file.Provinces, file.Source);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private sealed record ProvincesFile(ProvincesSource Source, IReadOnlyList<Province> Provinces);
}
