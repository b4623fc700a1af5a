using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Site.Tests.Content;

public sealed class OpeningHoursTests
{
    private static readonly HolidayCalendar Holidays = new(
    [
        new PublicHoliday(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1), new LocalizedText { ["vi"] = "Tết Dương lịch", ["en"] = "New Year's Day" }),
    ]);

    private static OpeningHours Hours(HolidayPolicy policy = HolidayPolicy.Closed, params HoursOverride[] overrides)
    {
        Assert.True(TimeRange.TryParseList("08:00-11:30, 13:30-17:00", out var weekday));
        Assert.True(TimeRange.TryParseList("08:00-11:30", out var sunday));
        var weekly = OpeningHours.DayKeys.ToDictionary(d => d, d => d == "sun" ? sunday : weekday);
        weekly.Remove("sat");
        return new OpeningHours(weekly, policy, overrides);
    }

    [Theory]
    [InlineData("2026-12-01T09:30", true)] // Tuesday morning
    [InlineData("2026-12-01T12:00", false)] // lunch break
    [InlineData("2026-12-01T13:30", true)] // reopens on the minute
    [InlineData("2026-12-01T17:00", false)] // closes on the minute
    [InlineData("2026-12-05T10:00", false)] // Saturday: no hours
    [InlineData("2026-12-06T10:00", true)] // Sunday morning
    [InlineData("2026-12-06T14:00", false)] // Sunday afternoon
    public void Open_now_follows_the_weekly_hours_and_the_lunch_break(string local, bool open) =>
        Assert.Equal(open, Hours().StatusAt(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Holidays).IsOpen);

    [Fact]
    public void During_lunch_the_next_opening_is_the_afternoon()
    {
        var status = Hours().StatusAt(new DateTime(2026, 12, 1, 12, 0, 0), Holidays);

        Assert.Equal(new DateTime(2026, 12, 1, 13, 30, 0), status.NextOpening);
    }

    [Fact]
    public void While_open_it_says_when_it_closes()
    {
        var status = Hours().StatusAt(new DateTime(2026, 12, 1, 9, 30, 0), Holidays);

        Assert.Equal(new DateTime(2026, 12, 1, 11, 30, 0), status.Until);
    }

    [Fact]
    public void After_closing_on_Friday_the_next_opening_skips_the_closed_Saturday()
    {
        var status = Hours().StatusAt(new DateTime(2026, 12, 4, 18, 0, 0), Holidays);

        Assert.Equal(new DateTime(2026, 12, 6, 8, 0, 0), status.NextOpening);
    }

    [Fact]
    public void A_public_holiday_closes_a_centre_that_closes_on_holidays_and_gives_the_reason()
    {
        var status = Hours().StatusAt(new DateTime(2027, 1, 1, 9, 0, 0), Holidays);

        Assert.False(status.IsOpen);
        Assert.Equal("New Year's Day", status.Reason!.For("en").Value);
    }

    [Fact]
    public void A_centre_open_on_holidays_keeps_its_weekly_hours()
    {
        var status = Hours(HolidayPolicy.Open).StatusAt(new DateTime(2027, 1, 1, 9, 0, 0), Holidays);

        Assert.True(status.IsOpen);
    }

    [Fact]
    public void A_Tet_closure_overrides_everything_for_its_dates()
    {
        var tet = new HoursOverride(new DateOnly(2027, 2, 5), new DateOnly(2027, 2, 10), true, [], new LocalizedText { ["vi"] = "Nghỉ Tết" });
        var hours = Hours(HolidayPolicy.Open, tet);

        Assert.False(hours.StatusAt(new DateTime(2027, 2, 8, 9, 0, 0), Holidays).IsOpen);
        Assert.Equal("Nghỉ Tết", hours.On(new DateOnly(2027, 2, 10), Holidays).Reason!.For("en").Value);
        Assert.Equal(new DateTime(2027, 2, 11, 8, 0, 0), hours.StatusAt(new DateTime(2027, 2, 8, 9, 0, 0), Holidays).NextOpening);
    }

    [Fact]
    public void Shorter_hours_on_a_date_replace_the_weekly_hours()
    {
        Assert.True(TimeRange.TryParseList("08:00-10:00", out var shortDay));
        var hours = Hours(HolidayPolicy.Closed, new HoursOverride(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 24), false, shortDay, []));

        Assert.False(hours.StatusAt(new DateTime(2026, 12, 24, 10, 30, 0), Holidays).IsOpen);
        Assert.True(hours.StatusAt(new DateTime(2026, 12, 24, 9, 0, 0), Holidays).IsOpen);
    }

    [Theory]
    [InlineData("08:00-11:30, 13:30-17:00", 2)]
    [InlineData("closed", 0)]
    [InlineData("CLOSED", 0)]
    public void Hours_text_parses(string text, int ranges)
    {
        Assert.True(TimeRange.TryParseList(text, out var parsed));
        Assert.Equal(ranges, parsed.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("17:00-08:00")]
    [InlineData("08:00-12:00, 11:00-15:00")]
    [InlineData("8h-17h")]
    [InlineData("25:00-26:00")]
    public void Malformed_hours_text_is_refused(string text) =>
        Assert.False(TimeRange.TryParseList(text, out _));
}
