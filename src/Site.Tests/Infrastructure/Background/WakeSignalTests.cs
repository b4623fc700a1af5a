using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Site.Tests.Infrastructure.Background;

public sealed class WakeSignalTests
{
    [Fact]
    public async Task Many_notices_before_a_wait_wake_the_job_once()
    {
        using var signal = new EmailSignal();
        for (var i = 0; i < 1000; i++)
        {
            signal.Notify();
        }

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    [Fact]
    public async Task A_notice_after_a_wake_wakes_the_job_again()
    {
        using var signal = new EmailSignal();
        signal.Notify();
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));

        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        signal.Notify();
        Assert.True(await waiting);
    }
}
