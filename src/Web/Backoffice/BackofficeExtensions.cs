using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Backoffice.MediaLibrary;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice;

public static class BackofficeExtensions
{
    public const string Policy = "Backoffice";
    public const string SignInRateLimit = "sign-in";
    public const string CultureCookie = "vcp-backoffice-culture";

    /// <summary>Identity in our own database, the backoffice cookie, its policy, rate limits and services.</summary>
    public static IServiceCollection AddBackoffice(this IServiceCollection services, DataDirectory dataDirectory, IHostEnvironment environment)
    {
        services.AddDataProtection()
            .SetApplicationName("VillageCraftPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory.Root, "keys", "data-protection")));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<BackofficeUser>(options =>
            {
                // Long passphrases rather than composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "vcp.backoffice";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/backoffice/sign-in";
            options.LogoutPath = "/backoffice/sign-out";
            options.AccessDeniedPath = "/backoffice/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(BackofficeRoles.All));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Attempts (posts) are limited per address; showing the form is not.
            options.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("form"));
        });

        services.AddHttpContextAccessor();
        services.AddScoped(sp => new BackofficeAccess(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal()));
        services.AddScoped<ContentScopes>();
        services.AddScoped<AuditLog>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<Editing.ContentFormReader>();
        services.AddScoped<Editing.EditorChoiceLoader>();
        services.AddScoped<Editing.DocumentEditing>();
        services.AddSingleton<Preview.PreviewLinks>();
        services.AddScoped<Redirects.RedirectRules>();
        services.AddScoped<Orders.OrderList>();
        services.AddScoped<Orders.OrderDetails>();
        services.AddScoped<Orders.OrderActions>();
        services.AddSingleton<Orders.OrderDisplay>();
        services.AddScoped<MediaLibrary.MediaLibraryService>();
        services.AddSingleton<MediaLibrary.StagedUploads>();
        services.AddScoped<Products.ProductAccess>();
        services.AddScoped<Products.ProductImages>();
        services.AddScoped<Products.ProductCatalogue>();
        services.AddScoped<Products.VariantEditing>();
        services.AddScoped<Products.StockAdjustments>();
        services.AddScoped<Products.ProductList>();
        services.AddSingleton<Preview.PreviewRouteTransformer>();
        services.AddOptions<Content.Versions.VersionRetentionOptions>().BindConfiguration(Content.Versions.VersionRetentionOptions.Section);
        services.AddSingleton<Content.Versions.VersionRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<Content.Versions.VersionRetention>());
        services.AddSingleton<Content.Scheduling.ScheduleRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Content.Scheduling.ScheduleRunner>());
        services.AddSingleton<ICliVerb, UsersVerb>();
        if (environment.IsDevelopment())
        {
            services.AddHostedService<DemoAccounts>();
        }

        return services;
    }

    public static WebApplication MapBackoffice(this WebApplication app)
    {
        // Backoffice pages are Razor Pages under Backoffice/ (authorised by folder). Previews are public pages
        // rendered from a signed link.
        app.MapDynamicPageRoute<Preview.PreviewRouteTransformer>("preview/{token}");
        app.MapLibraryThumbnails();
        return app;
    }
}
