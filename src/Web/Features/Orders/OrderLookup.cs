using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>
/// Finds the order a buyer names by number and email. Every wrong pair looks the same from outside: a number that
/// is malformed, unknown or paired with another email runs the same single query and gives the same null, so
/// neither the answer nor its timing says which part was wrong.
/// </summary>
public sealed class OrderLookup(AppDbContext db)
{
    public async Task<int?> FindAsync(string? number, string? email, CancellationToken cancellationToken)
    {
        var typed = (number ?? string.Empty).Trim().ToUpperInvariant();
        // Id 0 never exists: a malformed number still costs the query an existing one does.
        var id = OrderNumber.TryParseId(typed) ?? 0;
        var found = await db.Set<Order>().AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new { o.Number, o.BuyerEmail })
            .SingleOrDefaultAsync(cancellationToken);
        var numberMatches = string.Equals(found?.Number, typed, StringComparison.Ordinal);
        var emailMatches = string.Equals(found?.BuyerEmail.Trim(), (email ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase);
        return found is not null && numberMatches & emailMatches ? id : null;
    }
}
