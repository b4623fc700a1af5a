using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VillageCraftPortal.Web.Content.Values;

/// <summary>Opening and closing times within one day, e.g. 08:00–11:30. Serialised as "08:00-11:30".</summary>
[JsonConverter(typeof(TimeRangeJsonConverter))]
public readonly record struct TimeRange(TimeOnly Open, TimeOnly Close)
{
    public bool Contains(TimeOnly time) => time >= Open && time < Close;

    public TimeSpan Length => Close - Open;

    public static bool TryParse(string? text, out TimeRange range)
    {
        range = default;
        var parts = text?.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !TimeOnly.TryParseExact(parts[0], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
            || !TimeOnly.TryParseExact(parts[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
            || close <= open)
        {
            return false;
        }

        range = new TimeRange(open, close);
        return true;
    }

    /// <summary>Parses "08:00-11:30, 13:30-17:00" or "closed"; the ranges must not overlap.</summary>
    public static bool TryParseList(string? text, out IReadOnlyList<TimeRange> ranges)
    {
        ranges = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var list = new List<TimeRange>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParse(part, out var range) || (list.Count > 0 && range.Open < list[^1].Close))
            {
                return false;
            }

            list.Add(range);
        }

        ranges = list;
        return list.Count > 0;
    }

    public override string ToString() =>
        $"{Open.ToString("HH:mm", CultureInfo.InvariantCulture)}-{Close.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

public sealed class TimeRangeJsonConverter : JsonConverter<TimeRange>
{
    public override TimeRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeRange.TryParse(reader.GetString(), out var range)
            ? range
            : throw new JsonException("Expected a time range such as \"08:00-11:30\".");

    public override void Write(Utf8JsonWriter writer, TimeRange value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

[JsonConverter(typeof(JsonStringEnumConverter<HolidayPolicy>))]
public enum HolidayPolicy
{
    Closed,
    Open,
}

/// <summary>A date range with different hours: a closure (Tết) or shorter hours.</summary>
public sealed record HoursOverride(DateOnly From, DateOnly To, bool Closed, IReadOnlyList<TimeRange> Hours, LocalizedText Reason)
{
    public bool Covers(DateOnly date) => date >= From && date <= To;
}

/// <summary>What a place's hours are on one date, and why when they differ from the week's.</summary>
public sealed record DaySchedule(DateOnly Date, IReadOnlyList<TimeRange> Ranges, LocalizedText? Reason)
{
    public bool IsClosed => Ranges.Count == 0;
}

/// <summary>Whether a place is open at a moment, and until when or from when.</summary>
public sealed record OpeningStatus(bool IsOpen, DateTime? Until, DateTime? NextOpening, LocalizedText? Reason);

/// <summary>A place's weekly hours (with lunch breaks as gaps), public-holiday policy and dated exceptions.</summary>
public sealed record OpeningHours(
    IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Weekly,
    HolidayPolicy PublicHolidays,
    IReadOnlyList<HoursOverride> Exceptions)
{
    public static readonly IReadOnlyList<string> DayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static string DayKey(DayOfWeek day) => DayKeys[((int)day + 6) % 7];

    public IReadOnlyList<TimeRange> WeeklyOn(DayOfWeek day) =>
        Weekly.TryGetValue(DayKey(day), out var ranges) ? ranges : [];

    public DaySchedule On(DateOnly date, HolidayCalendar holidays)
    {
        foreach (var exception in Exceptions)
        {
            if (exception.Covers(date))
            {
                return new DaySchedule(date, exception.Closed ? [] : exception.Hours, exception.Reason);
            }
        }

        if (PublicHolidays == HolidayPolicy.Closed && holidays.Find(date) is { } holiday)
        {
            return new DaySchedule(date, [], holiday.Name);
        }

        return new DaySchedule(date, WeeklyOn(date.DayOfWeek), null);
    }

    /// <summary>The status at a local (Asia/Ho_Chi_Minh) time, looking up to two weeks ahead for the next opening.</summary>
    public OpeningStatus StatusAt(DateTime local, HolidayCalendar holidays)
    {
        var today = DateOnly.FromDateTime(local);
        var now = TimeOnly.FromDateTime(local);
        var schedule = On(today, holidays);
        foreach (var range in schedule.Ranges)
        {
            if (range.Contains(now))
            {
                return new OpeningStatus(true, today.ToDateTime(range.Close), null, null);
            }
        }

        for (var offset = 0; offset <= 14; offset++)
        {
            var date = today.AddDays(offset);
            var day = offset == 0 ? schedule : On(date, holidays);
            foreach (var range in day.Ranges)
            {
                if (offset > 0 || range.Open > now)
                {
                    return new OpeningStatus(false, null, date.ToDateTime(range.Open), schedule.Reason);
                }
            }
        }

        return new OpeningStatus(false, null, null, schedule.Reason);
    }

    /// <summary>The next moment the status can change (an opening or a closing), for cache lifetimes.</summary>
    public DateTime? NextChangeAfter(DateTime local, HolidayCalendar holidays)
    {
        var status = StatusAt(local, holidays);
        return status.IsOpen ? status.Until : status.NextOpening;
    }
}

public sealed record PublicHoliday(DateOnly From, DateOnly To, LocalizedText Name);

/// <summary>Việt Nam's public holidays, imported from umbraco-content/holidays.yml.</summary>
public sealed class HolidayCalendar(IReadOnlyList<PublicHoliday> holidays)
{
    public static readonly HolidayCalendar Empty = new([]);

    public IReadOnlyList<PublicHoliday> Holidays { get; } = holidays;

    public PublicHoliday? Find(DateOnly date) => Holidays.FirstOrDefault(h => date >= h.From && date <= h.To);
}
