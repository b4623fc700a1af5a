namespace VillageCraftPortal.Web.Content.Import;

/// <summary>Where an import problem is (file relative to the content folder, 1-based line) and what it is.</summary>
public sealed record ImportError(string File, int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>Thrown while reading a file; the importer collects these and reports them all.</summary>
public sealed class ImportException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}
