using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Redirects;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Redirects;

public enum RedirectStatus
{
    Success,
    InvalidFrom,
    InvalidTo,
    SameAsTarget,
    Loop,
    Exists,
    NotFound,
}

/// <summary>Manual redirects: checked for loops through every existing rule before they are saved.</summary>
public sealed class RedirectRules(AppDbContext db, AuditLog audit, ContentEventSignal signal, TimeProvider clock)
{
    public const int MaxHops = 20;

    public async Task<RedirectStatus> AddAsync(string from, string to, string actor, CancellationToken cancellationToken)
    {
        from = Normalise(from);
        to = to.Trim();
        if (!from.StartsWith('/') || from.StartsWith("//", StringComparison.Ordinal) || from.Length > 500 || from.Contains('?', StringComparison.Ordinal))
        {
            return RedirectStatus.InvalidFrom;
        }

        if (!(to.StartsWith('/') && !to.StartsWith("//", StringComparison.Ordinal)) && !(Uri.TryCreate(to, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            return RedirectStatus.InvalidTo;
        }

        if (to.StartsWith('/') && Normalise(to) == from)
        {
            return RedirectStatus.SameAsTarget;
        }

        var rules = await db.Redirects.AsNoTracking().Where(r => r.TargetUrl != null).ToDictionaryAsync(r => r.FromPath, r => r.TargetUrl!, cancellationToken);
        if (rules.ContainsKey(from) || await db.Redirects.AnyAsync(r => r.FromPath == from, cancellationToken))
        {
            return RedirectStatus.Exists;
        }

        // Follow the chain from the new target: arriving back at the new source would loop forever.
        var next = to.StartsWith('/') ? Normalise(to) : null;
        for (var hop = 0; next is not null && hop < MaxHops; hop++)
        {
            if (next == from)
            {
                return RedirectStatus.Loop;
            }

            next = rules.TryGetValue(next, out var target) && target.StartsWith('/') ? Normalise(target) : null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Redirects.Add(new RedirectRule { FromPath = from, TargetUrl = to, IsManual = true, CreatedAt = now, CreatedBy = actor });
        audit.Add(AuditActions.Redirect, actor, "redirect", from, $"{from} → {to}");
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.Published, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return RedirectStatus.Success;
    }

    public async Task<RedirectStatus> DeleteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var rule = await db.Redirects.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return RedirectStatus.NotFound;
        }

        db.Redirects.Remove(rule);
        audit.Add(AuditActions.Redirect, actor, "redirect", rule.FromPath, $"deleted {rule.FromPath}");
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.Published, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return RedirectStatus.Success;
    }

    public static string Normalise(string path) => path.Trim().ToLowerInvariant().TrimEnd('/') is { Length: > 0 } p ? p : "/";
}
