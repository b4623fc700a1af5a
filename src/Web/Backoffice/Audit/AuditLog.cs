using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Audit;

/// <summary>The names of audited actions.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string PasswordReset = "password-reset";
    public const string TwoFactorChanged = "two-factor";
    public const string Save = "save";
    public const string Create = "create";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Rollback = "rollback";
    public const string Delete = "delete";
    public const string ReviewSubmit = "review-submit";
    public const string ReviewReturn = "review-return";
    public const string Schedule = "schedule";
    public const string RoleChange = "role-change";
    public const string UserCreate = "user-create";
    public const string MediaUpload = "media-upload";
    public const string MediaReplace = "media-replace";
    public const string MediaDelete = "media-delete";
    public const string MediaEdit = "media-edit";
    public const string Redirect = "redirect";
    public const string Order = "order";
    public const string ProductCreate = "product-create";
    public const string ProductEdit = "product-edit";
    public const string ProductListing = "product-listing";
    public const string ProductDelete = "product-delete";
    public const string VariantCreate = "variant-create";
    public const string VariantEdit = "variant-edit";
    public const string VariantRemove = "variant-remove";
    public const string StockAdjust = "stock-adjust";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, LockedOut, SignOut, PasswordReset, TwoFactorChanged, Save, Create, Publish, Unpublish, Rollback,
        Delete, ReviewSubmit, ReviewReturn, Schedule, RoleChange, UserCreate, MediaUpload, MediaReplace, MediaDelete, MediaEdit, Redirect,
        Order, ProductCreate, ProductEdit, ProductListing, ProductDelete, VariantCreate, VariantEdit, VariantRemove, StockAdjust,
    ];
}

/// <summary>Writes audit entries, in the same transaction as the change when the caller saves them together.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds an entry to the unit of work; it is saved with the caller's next SaveChanges.</summary>
    public void Add(string action, string userName, string? entityType = null, string? entityId = null, string? summary = null, string? userId = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? http.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary is { Length: > 2000 } ? summary[..2000] : summary,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task WriteAsync(string action, string userName, string? entityType = null, string? entityId = null, string? summary = null, string? userId = null, CancellationToken cancellationToken = default)
    {
        Add(action, userName, entityType, entityId, summary, userId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A page of entries, newest first, after <paramref name="beforeId"/> (keyset paging: no OFFSET scans).</summary>
    public Task<List<AuditEntry>> PageAsync(AuditFilter filter, long? beforeId, int size, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(a => a.UserName.Contains(filter.User));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        if (beforeId is { } id)
        {
            query = query.Where(a => a.Id < id);
        }

        return query.OrderByDescending(a => a.Id).Take(size).ToListAsync(cancellationToken);
    }
}

public sealed record AuditFilter(string? Action, string? User, DateTime? From, DateTime? To);
