using Microsoft.AspNetCore.Identity;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>
/// In the Development environment only, creates demo accounts once (see README) so the backoffice can be tried at
/// once. Production ships with no account and no password: create users with the <c>users add</c> command.
/// </summary>
public sealed partial class DemoAccounts(IServiceScopeFactory scopes, StartupState startup, IConfiguration configuration, ILogger<DemoAccounts> logger) : BackgroundService
{
    public const string DefaultPassword = "demo-only-password";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WhenReady.WaitAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var password = configuration["Backoffice:DemoPassword"] is { Length: > 0 } configured ? configured : DefaultPassword;
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (string Email, string Name, UserAccess Access)[] demo =
        [
            ("admin@demo.local", "Quản trị viên (demo)", new UserAccess([BackofficeRoles.Administrator], [], [])),
            ("bat-trang@demo.local", "Biên tập Bát Tràng (demo)", new UserAccess([BackofficeRoles.Editor], ["bat-trang"], [])),
            ("publisher@demo.local", "Người duyệt (demo)", new UserAccess([BackofficeRoles.Editor, BackofficeRoles.Publisher], ["bat-trang", "van-phuc"], [])),
            ("translator@demo.local", "Biên dịch tiếng Anh (demo)", new UserAccess([BackofficeRoles.Translator], [], ["en"])),
        ];
        foreach (var (email, name, access) in demo)
        {
            var result = await admin.CreateAsync(new NewUser(email, name, access, password), "demo-seed", stoppingToken);
            if (!result.Succeeded)
            {
                LogDemoFailed(logger, email, string.Join(", ", result.Errors));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo account {Email} was not created: {Errors}")]
    private static partial void LogDemoFailed(ILogger logger, string email, string errors);
}
