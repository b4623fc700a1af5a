using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>Email settings are checked when the site starts, not when the first email is due.</summary>
public sealed class EmailOptionsTests
{
    [Fact]
    public void Smtp_mode_without_a_host_is_refused_at_start()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new() { ["Email:Mode"] = "Smtp" }));

        Assert.Contains("Email:Smtp:Host is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_that_is_not_an_address_and_a_password_without_a_user_are_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["Email:Mode"] = "Smtp",
            ["Email:From"] = "VillageCraftPortal",
            ["Email:Smtp:Host"] = "smtp.example.vn",
            ["Email:Smtp:Password"] = "secret",
        }));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Email:From", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Email:Smtp:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid_and_write_to_the_pickup_folder()
    {
        using var provider = Validate([]);

        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal((EmailMode.Pickup, 587, SmtpSecurity.Auto), (options.Mode, options.Smtp.Port, options.Smtp.Security));
        Assert.Null(options.Smtp.Password);
        Assert.IsType<PickupEmailTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void Smtp_mode_with_a_host_and_credentials_from_configuration_uses_SMTP()
    {
        using var provider = Validate(new()
        {
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "smtp.example.vn",
            ["Email:Smtp:Security"] = "SslOnConnect",
            ["Email:Smtp:UserName"] = "shop",
            ["Email:Smtp:Password"] = "from-the-environment",
        });

        Assert.IsType<SmtpEmailTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Theory]
    [InlineData("hoa@example.vn", true)]
    [InlineData("Nguyễn Thị Hoa <hoa@example.vn>", true)]
    [InlineData("hoa", false)]
    [InlineData("hoa@", false)]
    [InlineData("a@example.vn, b@example.vn", false)]
    [InlineData("", false)]
    public void Addresses_are_single_mailboxes_with_a_domain(string value, bool valid) =>
        Assert.Equal(valid, EmailAddresses.IsValid(value));

    /// <summary>Runs the start-up validation that the host runs (ValidateOnStart), without a host.</summary>
    private static ServiceProvider Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new DataDirectory(Path.Combine(Path.GetTempPath(), "vcp-tests", "email-options")))
            .AddEmail(configuration)
            .BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
