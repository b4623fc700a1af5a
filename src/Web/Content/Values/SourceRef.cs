namespace VillageCraftPortal.Web.Content.Values;

/// <summary>A public source that a document's facts come from.</summary>
public sealed record SourceRef(string Title, string? Publisher, string? Url, DateOnly? Date);
