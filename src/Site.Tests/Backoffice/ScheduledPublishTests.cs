using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Scheduling;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// A publish scheduled in Hà Nội time is kept in the database, so it still happens when the site restarts before it
/// is due: the schedule runner, woken by the (fake) clock, publishes the draft and the public page shows it.
/// </summary>
public abstract class ScheduledPublishTests(BackofficeSite site)
{
    [Fact]
    public async Task A_scheduled_publish_fires_after_a_restart()
    {
        var id = await site.DocumentIdAsync("experience-bat-trang-wheel");
        var url = await site.PublicUrlAsync(id, "vi");
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        using var saved = await admin.SubmitAsync($"/backoffice/content/{id}", "form[data-edit-form]", new() { ["f.name.vi"] = "Vuốt gốm theo lịch hẹn" }, "Save");

        // 09:30 in Hà Nội now (SeededSite.FixedNow); due at 10:30 Hà Nội time, 03:30 UTC.
        using var scheduled = await admin.SubmitAsync($"/backoffice/content/{id}/schedule", "main form.bo-form", new() { ["kind"] = "Publish", ["at"] = "2026-12-01T10:30" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (saved.StatusCode, scheduled.StatusCode));
        var action = await site.QueryAsync(db => db.ScheduledActions.AsNoTracking().SingleAsync(a => a.DocumentId == id));
        Assert.Equal((ScheduledActionStatus.Pending, new DateTime(2026, 12, 1, 3, 30, 0)), (action.Status, action.DueAt));
        Assert.DoesNotContain("Vuốt gốm theo lịch hẹn", await PublicPageAsync(url), StringComparison.Ordinal);

        await site.RestartAsync();
        site.Clock.Advance(TimeSpan.FromHours(1));
        var status = await RunScheduleUntilDoneAsync(action.Id);

        Assert.Equal(ScheduledActionStatus.Done, status);
        var document = await site.DocumentAsync(id);
        Assert.Equal(document.LatestVersion, document.PublishedVersion);
        await site.WaitForPublishedSnapshotAsync();
        Assert.Contains("Vuốt gốm theo lịch hẹn", await PublicPageAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_already_past_in_Ha_Noi_is_refused()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var id = await site.DocumentIdAsync("experience-bat-trang-walk");

        // 09:00 in Hà Nội is half an hour ago, although 09:00 UTC would still be ahead.
        using var response = await admin.SubmitAsync($"/backoffice/content/{id}/schedule", "main form.bo-form", new() { ["kind"] = "Publish", ["at"] = "2026-12-01T09:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(await site.QueryAsync(db => db.ScheduledActions.AnyAsync(a => a.DocumentId == id)));
    }

    /// <summary>
    /// Moves the clock on one runner interval at a time until the runner has dealt with the action: the runner's
    /// timer starts with the restarted site, so the first tick may come one interval after the clock moved.
    /// </summary>
    private async Task<ScheduledActionStatus> RunScheduleUntilDoneAsync(int actionId)
    {
        for (var tick = 0; tick < 40; tick++)
        {
            site.Clock.Advance(ScheduleRunner.Interval);
            for (var look = 0; look < 20; look++)
            {
                var status = await site.QueryAsync(db => db.ScheduledActions.Where(a => a.Id == actionId).Select(a => a.Status).SingleAsync());
                if (status != ScheduledActionStatus.Pending)
                {
                    return status;
                }

                await Task.Delay(25);
            }
        }

        return ScheduledActionStatus.Pending;
    }

    private async Task<string> PublicPageAsync(string url)
    {
        using var response = await site.Anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class ScheduledPublishTestsOnSqlite(SqliteBackofficeSite site) : ScheduledPublishTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class ScheduledPublishTestsOnPostgres(PostgresBackofficeSite site) : ScheduledPublishTests(site), IClassFixture<PostgresBackofficeSite>;
