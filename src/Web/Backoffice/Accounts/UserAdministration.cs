using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>Who a user is and what they may work on.</summary>
public sealed record UserAccess(IReadOnlyList<string> Roles, IReadOnlyList<string> Villages, IReadOnlyList<string> Cultures);

public sealed record NewUser(string Email, string DisplayName, UserAccess Access, string Password)
{
    public string PreferredCulture { get; init; } = Cultures.Vietnamese;
}

public sealed record UserSummary(string Id, string Email, string DisplayName, UserAccess Access, bool LockedOut, bool TwoFactor, DateTime? LastSignInAt);

public enum UserOperationStatus
{
    Success,
    NotFound,
    InvalidAccess,
    Failed,
}

/// <summary>The outcome, with Identity's or our own error codes (keys of the interface texts where they are ours).</summary>
public sealed record UserResult(UserOperationStatus Status, BackofficeUser? User, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Status == UserOperationStatus.Success;
}

/// <summary>
/// Creates users and changes their roles and scopes (backoffice and command line share it). Editors and publishers
/// need at least one village; translators at least one culture. Every change is audited.
/// </summary>
public sealed class UserAdministration(UserManager<BackofficeUser> users, RoleManager<IdentityRole> roles, ContentScopes scopes, AuditLog audit, TimeProvider clock)
{
    public async Task<UserResult> CreateAsync(NewUser request, string actor, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(request.Access, cancellationToken) is { Count: > 0 } problems)
        {
            return new UserResult(UserOperationStatus.InvalidAccess, null, problems);
        }

        var user = new BackofficeUser
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Email : request.DisplayName.Trim(),
            PreferredCulture = Cultures.IsSupported(request.PreferredCulture) ? request.PreferredCulture : Cultures.Vietnamese,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return new UserResult(UserOperationStatus.Failed, null, [.. created.Errors.Select(e => e.Code)]);
        }

        await ApplyAsync(user, request.Access);
        await audit.WriteAsync(AuditActions.UserCreate, actor, "user", user.Email, Describe(request.Access), cancellationToken: cancellationToken);
        return new UserResult(UserOperationStatus.Success, user, []);
    }

    public async Task<UserResult> ChangeAccessAsync(string userId, UserAccess access, string actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new UserResult(UserOperationStatus.NotFound, null, []);
        }

        if (await CheckAsync(access, cancellationToken) is { Count: > 0 } problems)
        {
            return new UserResult(UserOperationStatus.InvalidAccess, user, problems);
        }

        var before = await AccessOfAsync(user);
        await users.RemoveFromRolesAsync(user, before.Roles);
        await users.RemoveClaimsAsync(user, (await users.GetClaimsAsync(user)).Where(c => c.Type is BackofficeRoles.VillageClaim or BackofficeRoles.CultureClaim));
        await ApplyAsync(user, access);
        // Sign the user out everywhere so the new access applies at once.
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.RoleChange, actor, "user", user.Email, $"{Describe(before)} → {Describe(access)}", cancellationToken: cancellationToken);
        return new UserResult(UserOperationStatus.Success, user, []);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var result = new List<UserSummary>();
        foreach (var user in all)
        {
            result.Add(new UserSummary(user.Id, user.Email ?? string.Empty, user.DisplayName, await AccessOfAsync(user),
                user.LockoutEnd > clock.GetUtcNow(), user.TwoFactorEnabled, user.LastSignInAt));
        }

        return result;
    }

    public async Task<UserAccess> AccessOfAsync(BackofficeUser user)
    {
        // Sorted: Identity reads them in whatever order the database returns, and lists and audit lines should not flicker.
        var claims = await users.GetClaimsAsync(user);
        return new UserAccess(
            [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
            [.. claims.Where(c => c.Type == BackofficeRoles.VillageClaim).Select(c => c.Value).Order(StringComparer.Ordinal)],
            [.. claims.Where(c => c.Type == BackofficeRoles.CultureClaim).Select(c => c.Value).Order(StringComparer.Ordinal)]);
    }

    public static string Describe(UserAccess access) =>
        string.Join(", ", access.Roles)
        + (access.Villages.Count > 0 ? $" [{string.Join(", ", access.Villages)}]" : string.Empty)
        + (access.Cultures.Count > 0 ? $" ({string.Join(", ", access.Cultures)})" : string.Empty);

    private async Task<List<string>> CheckAsync(UserAccess access, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (access.Roles.Count == 0 || access.Roles.Any(r => !BackofficeRoles.IsKnown(r)))
        {
            problems.Add("users.error.role");
        }

        var scoped = access.Roles.Any(r => r is BackofficeRoles.Editor or BackofficeRoles.Publisher);
        if (scoped && access.Villages.Count == 0)
        {
            problems.Add("users.error.villageRequired");
        }

        var known = await scopes.VillageCodesAsync(cancellationToken);
        if (access.Villages.Any(v => !known.Contains(v)))
        {
            problems.Add("users.error.unknownVillage");
        }

        if ((access.Roles.Contains(BackofficeRoles.Translator) && access.Cultures.Count == 0) || access.Cultures.Any(c => !Cultures.IsSupported(c)))
        {
            problems.Add("users.error.culture");
        }

        return problems;
    }

    private async Task ApplyAsync(BackofficeUser user, UserAccess access)
    {
        foreach (var role in access.Roles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await users.AddToRolesAsync(user, access.Roles.Distinct());
        await users.AddClaimsAsync(user, [
            .. access.Villages.Distinct().Select(v => new Claim(BackofficeRoles.VillageClaim, v)),
            .. access.Cultures.Distinct().Select(c => new Claim(BackofficeRoles.CultureClaim, c)),
        ]);
    }
}
