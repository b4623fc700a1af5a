namespace VillageCraftPortal.Web.Content.Storage;

/// <summary>Where a document's draft is in review: Umbraco core has no approval step; we do.</summary>
public enum ReviewState
{
    None = 0,
    InReview = 1,
    ChangesRequested = 2,
}
