using Microsoft.Extensions.Options;

namespace VillageCraftPortal.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The email outbox, its background dispatcher and the transport chosen by Email:Mode.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        services.AddSingleton<EmailSignal>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<PickupEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode == EmailMode.Smtp
                ? sp.GetRequiredService<SmtpEmailTransport>()
                : sp.GetRequiredService<PickupEmailTransport>());

        services.AddScoped<OutboxDelivery>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDispatcher>());
        return services;
    }
}
