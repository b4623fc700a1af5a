using Serilog;
using Serilog.Events;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Email;
using VillageCraftPortal.Web.Infrastructure.Health;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Infrastructure;

public static class SiteInfrastructureExtensions
{
    /// <summary>Data directory, logging, database, email outbox, start-up sequence, health checks and the base command-line verbs.</summary>
    public static WebApplicationBuilder AddSiteInfrastructure(this WebApplicationBuilder builder)
    {
        var dataDirectory = DataDirectory.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;

        // `dotnet run` serves wwwroot from the build output in every environment, compressed variants included.
        builder.WebHost.UseStaticWebAssets();

        // Kestrel refuses request lines over 8 KB with a bare 414 before the site sees them. Allowing 32 KB lets an
        // over-long search reach the site, which answers with a clear message (the search caps its text anyway).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = 32 * 1024);

        // Vietnamese text is written as characters, not as &#x…; entities (pages would be a third larger).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton(dataDirectory);
        services.AddSingleton(TimeProvider.System);

        services.AddSerilog(logger => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // "Not ready yet" during start-up is expected; real start-up failures are logged by the initializer.
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Fatal)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(dataDirectory.Logs, "site-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));

        services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MapOptions>().Bind(builder.Configuration.GetSection(MapOptions.Section));
        services.AddDatabase(builder.Configuration, dataDirectory);
        services.AddEmail(builder.Configuration);

        services.AddSingleton<StartupState>();
        services.AddHostedService<StartupInitializer>();
        services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready", tags: [ReadinessHealthCheck.Tag]);
        services.AddProblemDetails();

        services.AddSingleton<ICliVerb, MigrateVerb>();
        return builder;
    }
}
