using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Content.Editing;

/// <summary>The expected outcomes of a content operation; exceptions are kept for bugs.</summary>
public enum ContentOperationStatus
{
    Success,
    NotFound,
    ValidationFailed,
    SlugConflict,
    ConcurrencyConflict,
    AliasConflict,
    ParentNotFound,
    ParentNotPublished,
    NotAllowedUnderParent,
    NotPublished,
    NoChanges,
    HasChildren,
}

/// <summary>The result of a content operation, in the spirit of Umbraco's <c>Attempt&lt;T, OperationStatus&gt;</c>.</summary>
public sealed record ContentResult(ContentOperationStatus Status, Document? Document = null, IReadOnlyList<ValidationProblem>? Problems = null)
{
    public bool Succeeded => Status is ContentOperationStatus.Success or ContentOperationStatus.NoChanges;

    public static ContentResult Fail(ContentOperationStatus status, IReadOnlyList<ValidationProblem>? problems = null) => new(status, null, problems);

    public static ContentResult Ok(Document document, ContentOperationStatus status = ContentOperationStatus.Success) => new(status, document);
}
