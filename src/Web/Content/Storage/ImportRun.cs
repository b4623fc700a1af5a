namespace VillageCraftPortal.Web.Content.Storage;

/// <summary>A record of one content import: which files (by hash) and what changed.</summary>
public sealed class ImportRun
{
    public int Id { get; set; }

    public required string SourceHash { get; set; }

    public DateTime ImportedAt { get; set; }

    public bool Forced { get; set; }

    public int DocumentsCreated { get; set; }

    public int DocumentsUpdated { get; set; }

    public int MediaImported { get; set; }
}
