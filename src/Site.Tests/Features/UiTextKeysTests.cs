using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Backoffice.Editing;
using VillageCraftPortal.Web.Backoffice.Products;
using VillageCraftPortal.Web.Backoffice.Redirects;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Scheduling;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Content.Versions;
using VillageCraftPortal.Web.Media.Upload;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Features;

/// <summary>
/// No raw keys on screen: every interface text the code asks for exists, both the keys written in the source and the
/// keys built from names (document types, property aliases, enum members, roles, Identity's error codes).
/// </summary>
public sealed partial class UiTextKeysTests
{
    /// <summary>Families of text keys that can appear as plain string literals (messages chosen in C#, DataAnnotations).</summary>
    private static readonly string[] KeyFamilies = ["bo", "validation", "users", "preview", "upload"];

    /// <summary>Literals that look like text keys but are not: file names.</summary>
    private static readonly HashSet<string> NotTextKeys = new(StringComparer.Ordinal) { "home.md", "site.db" };

    private readonly UiTexts _texts = new();

    [Fact]
    public void Every_key_written_in_the_source_has_a_text()
    {
        var vi = _texts.All(Cultures.Vietnamese);
        var used = KeysInSource(vi.Keys);

        Assert.NotEmpty(used);
        var missing = used.Where(u => !vi.ContainsKey(u.Key)).GroupBy(u => u.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({g.First().Where})").Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} text keys are used but missing from texts.vi.json:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void Every_key_built_from_a_name_has_a_text()
    {
        var vi = _texts.All(Cultures.Vietnamese);

        var missing = KeysBuiltFromNames().Distinct(StringComparer.Ordinal).Where(k => !vi.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} text keys built from names are missing from texts.vi.json:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void Every_field_help_belongs_to_a_field()
    {
        var aliases = DocumentTypes.All.SelectMany(t => t.Properties).Select(p => $"bo.help.{p.Alias}").Append("bo.help.lines").ToHashSet(StringComparer.Ordinal);

        var orphans = _texts.All(Cultures.Vietnamese).Keys.Where(k => k.StartsWith("bo.help.", StringComparison.Ordinal) && !aliases.Contains(k)).ToList();

        Assert.Empty(orphans);
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var en = _texts.All(Cultures.English);

        var different = _texts.All(Cultures.Vietnamese)
            .Where(kv => en.TryGetValue(kv.Key, out var english) && !Placeholders(kv.Value).SetEquals(Placeholders(english)))
            .Select(kv => kv.Key)
            .ToList();

        Assert.Empty(different);
    }

    /// <summary>The keys the views and pages build with interpolation, from the names they are built from.</summary>
    private static IEnumerable<string> KeysBuiltFromNames()
    {
        foreach (var type in DocumentTypes.All)
        {
            yield return $"bo.type.{type.Alias}";
            foreach (var property in type.Properties)
            {
                yield return $"bo.field.{property.Alias}";
                yield return $"bo.group.{property.Group}";
                foreach (var choice in property.Choices ?? [])
                {
                    // Check lists (crafts) are labelled like the public site; single choices have their own labels.
                    yield return property.Editor == PropertyEditors.ChoiceList ? $"craft.{choice}" : $"bo.choice.{choice}";
                }
            }
        }

        foreach (var block in BlockFields.Types)
        {
            yield return $"bo.block.{block}";
        }

        foreach (var role in BackofficeRoles.All)
        {
            yield return $"bo.role.{role}";
            yield return $"bo.role.{role}.help";
        }

        foreach (var culture in Cultures.All)
        {
            yield return $"bo.culture.{culture}";
        }

        foreach (var zone in CentreZone.Required)
        {
            yield return $"zone.{zone}";
        }

        foreach (var kind in Enum.GetValues<ScheduledActionKind>())
        {
            yield return $"bo.schedule.{kind.ToString().ToLowerInvariant()}";
        }

        foreach (var status in Enum.GetValues<ScheduledActionStatus>())
        {
            yield return $"bo.schedule.status.{status}";
        }

        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            yield return $"bo.history.kind.{kind}";
        }

        foreach (var status in Enum.GetValues<RedirectStatus>())
        {
            yield return $"bo.redirects.status.{status}";
        }

        foreach (var status in Enum.GetValues<ContentOperationStatus>().Where(s => s != ContentOperationStatus.Success))
        {
            yield return $"bo.create.failed.{status}";
            if (status != ContentOperationStatus.ParentNotPublished)
            {
                // The edit page has its own message for an unpublished parent.
                yield return $"bo.edit.publishFailed.{status}";
            }
        }

        foreach (var code in IdentityErrorCodes())
        {
            yield return $"bo.identity.{code}";
        }

        foreach (var action in VillageCraftPortal.Web.Backoffice.Audit.AuditActions.All)
        {
            yield return $"bo.audit.action.{action}";
        }

        foreach (var error in Enum.GetValues<UploadError>())
        {
            yield return UploadErrors.MessageKey(error);
        }

        foreach (var key in ProductKeysBuiltFromNames())
        {
            yield return key;
        }
    }

    /// <summary>The backoffice products pages label fields by their form property and show categories and stock reasons by code.</summary>
    private static IEnumerable<string> ProductKeysBuiltFromNames()
    {
        Type[] forms = [typeof(ProductForm), typeof(VariantForm), typeof(StockChangeForm), typeof(StockCountForm)];
        string[] notFields = [nameof(ProductForm.Revision), nameof(StockCountForm.Shown)];
        foreach (var field in forms.SelectMany(f => f.GetProperties()).Select(p => p.Name).Except(notFields))
        {
            yield return $"bo.products.field.{field}";
        }

        foreach (var category in ProductCategory.All)
        {
            yield return $"bo.products.category.{category}";
        }

        foreach (var reason in Enum.GetValues<StockReason>())
        {
            yield return $"bo.products.reason.{reason}";
        }
    }

    /// <summary>Every error code Identity can report, read from its describer so a new one in a new version is noticed.</summary>
    private static IEnumerable<string> IdentityErrorCodes()
    {
        var describer = new IdentityErrorDescriber();
        return typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(IdentityError))
            .Select(m => ((IdentityError)m.Invoke(describer, [.. m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)1 : "x")])!).Code);
    }

    /// <summary>Keys in T["…"] and string literals of the text families, in src/Web's C# and Razor (comments left out).</summary>
    private static List<(string Key, string Where)> KeysInSource(IEnumerable<string> knownKeys)
    {
        var families = knownKeys.Select(k => k.Split('.')[0]).Concat(KeyFamilies).Distinct(StringComparer.Ordinal);
        var literal = new Regex($"\"(?<key>(?:{string.Join('|', families.Select(Regex.Escape))})(?:\\.[A-Za-z0-9_-]+)+)\"", RegexOptions.CultureInvariant);
        var web = Path.Combine(RepositoryRoot(), "src", "Web");
        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(web, "*", SearchOption.AllDirectories).Where(IsSource))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('*'))
                {
                    continue;
                }

                var where = $"{Path.GetRelativePath(web, file)}:{i + 1}";
                found.AddRange(IndexerKey().Matches(line).Concat(literal.Matches(line))
                    .Select(m => m.Groups["key"].Value)
                    .Where(k => !NotTextKeys.Contains(k))
                    .Select(k => (k, where)));
            }
        }

        return found;
    }

    private static bool IsSource(string path)
    {
        string[] skipped = ["bin", "obj", "node_modules", "wwwroot"];
        return (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            && !path.Split(Path.DirectorySeparatorChar).Any(skipped.Contains);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VillageCraftPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No VillageCraftPortal.sln above {AppContext.BaseDirectory}.");
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["index"].Value)];

    [GeneratedRegex(@"\bT\[\s*""(?<key>[^""{}\\]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex IndexerKey();

    [GeneratedRegex(@"\{(?<index>\d+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
