using System.Text.Json;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Types;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>A document read from umbraco-content, ready to be written.</summary>
public sealed record SeedDocument(string File, string Alias, string? ParentAlias, DocumentType Type, int SortOrder, ContentValues Values)
{
    public Guid Key => StableKeys.ForDocument(Alias);
}

/// <summary>Reads every document file, checking placement, values, references and sibling slugs.</summary>
internal sealed class SeedDocumentReader(ContentHtml html)
{
    public async Task<List<SeedDocument>> ReadAsync(string root, IReadOnlyDictionary<string, Guid> media, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var parsed = new List<(DocumentFile File, string Alias)>();
        foreach (var path in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = SeedMediaReader.Relative(root, path);
            if (relative.Equals("README.md", StringComparison.OrdinalIgnoreCase) || SeedProductReader.IsProductFile(relative))
            {
                continue;
            }

            try
            {
                var file = DocumentFile.Parse(relative, await File.ReadAllTextAsync(path, cancellationToken));
                var key = file.Yaml.OptionalScalar(file.FrontMatter, "key") ?? throw file.Yaml.Error(file.FrontMatter, "key: is required");
                if (!Slugs.IsValid(key))
                {
                    throw file.Yaml.Error(YamlContext.Get(file.FrontMatter, "key")!, $"key '{key}' must be lower-case letters, digits and hyphens");
                }

                parsed.Add((file, key));
            }
            catch (ImportException ex)
            {
                errors.Add(ex.Error);
            }
        }

        foreach (var duplicate in parsed.GroupBy(p => p.Alias).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(duplicate.Last().File.File, 0, $"key '{duplicate.Key}' is also used by {duplicate.First().File.File}"));
        }

        var aliases = parsed.Select(p => p.Alias).ToHashSet(StringComparer.Ordinal);
        var references = new References(media, aliases);
        var documents = new List<SeedDocument>();
        foreach (var (file, alias) in parsed)
        {
            try
            {
                documents.Add(Read(file, alias, references));
            }
            catch (ImportException ex)
            {
                errors.Add(ex.Error);
            }
        }

        CheckTree(documents, errors);
        return documents;
    }

    private SeedDocument Read(DocumentFile file, string alias, References references)
    {
        var yaml = file.Yaml;
        var typeName = yaml.OptionalScalar(file.FrontMatter, "type") ?? throw yaml.Error(file.FrontMatter, "type: is required");
        var type = DocumentTypes.Find(typeName)
            ?? throw yaml.Error(YamlContext.Get(file.FrontMatter, "type")!, $"unknown type '{typeName}' ({string.Join(", ", DocumentTypes.All.Select(t => t.Alias))})");
        var parent = yaml.OptionalScalar(file.FrontMatter, "parent");
        var sort = YamlContext.Get(file.FrontMatter, "sort") is { } sortNode ? (int)yaml.WholeNumber(sortNode, "sort") : 0;

        var values = new FrontMatterMapper(html, references).Map(file, type);
        var blocks = new BodyBlockParser(html, references.Media);
        foreach (var section in file.Sections)
        {
            var body = blocks.Parse(file.File, section);
            if (body.Count > 0)
            {
                values.Set("body", section.Culture, JsonSerializer.SerializeToNode(body, ContentJson.Options));
            }
        }

        if (ContentValidator.Validate(type, values) is { Count: > 0 } problems)
        {
            var problem = problems[0];
            var line = YamlContext.Get(file.FrontMatter, problem.Property) is { } node ? node.Start.Line : 0;
            throw yaml.Error(line, $"{problem.Property}{(problem.Culture is null ? string.Empty : $" ({problem.Culture})")}: {Describe(problem.MessageKey)}");
        }

        return new SeedDocument(file.File, alias, parent, type, sort, values);
    }

    private static string Describe(string messageKey) => messageKey switch
    {
        "validation.required" => "is required",
        "validation.slug" => "must be lower-case letters, digits and hyphens",
        "validation.tooLong" => "is too long",
        "validation.range" => "is out of range",
        "validation.choice" => "is not one of the allowed values",
        _ => messageKey,
    };

    private static void CheckTree(List<SeedDocument> documents, List<ImportError> errors)
    {
        var byAlias = documents.GroupBy(d => d.Alias).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var roots = documents.Where(d => d.ParentAlias is null).ToList();
        if (roots.Count != 1 || roots[0].Type.Alias != DocumentTypes.Home)
        {
            errors.Add(new ImportError(roots.FirstOrDefault()?.File ?? "site/home.md", 0, "exactly one document, of type home, must have no parent"));
        }

        foreach (var document in documents.Where(d => d.ParentAlias is not null))
        {
            if (!byAlias.TryGetValue(document.ParentAlias!, out var parent))
            {
                errors.Add(new ImportError(document.File, 0, $"parent '{document.ParentAlias}' does not exist"));
            }
            else if (!parent.Type.Allows(document.Type.Alias))
            {
                errors.Add(new ImportError(document.File, 0, $"a {document.Type.Alias} cannot be placed under a {parent.Type.Alias}"));
            }
            else if (HasCycle(document, byAlias))
            {
                errors.Add(new ImportError(document.File, 0, "its parent chain loops back to itself"));
            }
        }

        foreach (var siblings in documents.GroupBy(d => d.ParentAlias ?? string.Empty))
        {
            foreach (var culture in Cultures.All)
            {
                foreach (var clash in siblings.GroupBy(d => PublishingService.EffectiveSlugs(d.Values).GetValueOrDefault(culture)).Where(g => g.Key is not null && g.Count() > 1))
                {
                    errors.Add(new ImportError(clash.Last().File, 0, $"slug '{clash.Key}' ({culture}) is also used by {clash.First().File}"));
                }
            }
        }
    }

    private static bool HasCycle(SeedDocument document, Dictionary<string, SeedDocument> byAlias)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { document.Alias };
        for (var current = document; current.ParentAlias is not null && byAlias.TryGetValue(current.ParentAlias, out var parent); current = parent)
        {
            if (!seen.Add(parent.Alias))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class References(IReadOnlyDictionary<string, Guid> media, HashSet<string> documents) : IImportReferences
    {
        public Guid? Media(string key) => media.TryGetValue(key, out var guid) ? guid : null;

        public bool DocumentExists(string key) => documents.Contains(key);
    }
}
