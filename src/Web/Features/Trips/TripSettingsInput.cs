using System.Globalization;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>
/// The trip page's settings form as typed. <see cref="Parse"/> gives checked settings or the text keys of what is
/// wrong: a date in the past or more than a year ahead, 1–7 days, a known pace and mode, a start point that is listed
/// or coordinates inside Việt Nam.
/// </summary>
public sealed record TripSettingsInput(string? FirstDay, string? Days, string? Pace, string? Mode, string? Start, string? Lat, string? Lng)
{
    public const int MaxDaysAhead = 365;

    public static TripSettingsInput From(Trip trip) => new(
        trip.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        trip.Days.ToString(CultureInfo.InvariantCulture),
        trip.Pace.ToString().ToLowerInvariant(),
        trip.Mode.ToString().ToLowerInvariant(),
        trip.StartChoice,
        trip.StartLat.ToString("0.#####", CultureInfo.InvariantCulture),
        trip.StartLng.ToString("0.#####", CultureInfo.InvariantCulture));

    public (TripSettings? Settings, IReadOnlyList<string> Errors) Parse(DateOnly today)
    {
        var errors = new List<string>();
        if (!DateOnly.TryParseExact(FirstDay?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            errors.Add("trip.error.date");
        }
        else if (first < today)
        {
            errors.Add("trip.error.datePast");
        }
        else if (first > today.AddDays(MaxDaysAhead))
        {
            errors.Add("trip.error.dateFuture");
        }

        if (!int.TryParse(Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > Trip.MaxDays)
        {
            errors.Add("trip.error.days");
        }

        if (!Enum.TryParse<TripPace>(Pace, ignoreCase: true, out var pace) || !Enum.IsDefined(pace) || int.TryParse(Pace, out _))
        {
            errors.Add("trip.error.pace");
        }

        if (!Enum.TryParse<TravelMode>(Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(Mode, out _))
        {
            errors.Add("trip.error.mode");
        }

        GeoPoint? start = null;
        if (Start == StartPoints.Custom)
        {
            if (!double.TryParse(Lat?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(Lng?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
                || !new GeoPoint(lat, lng).IsValid)
            {
                errors.Add("trip.error.coordinates");
            }
            else if (new GeoPoint(lat, lng) is { IsInVietnam: false })
            {
                errors.Add("trip.error.outsideVietnam");
            }
            else
            {
                start = new GeoPoint(lat, lng);
            }
        }
        else if (StartPoints.Find(Start) is { } listed)
        {
            start = listed.Location;
        }
        else
        {
            errors.Add("trip.error.start");
        }

        return errors.Count > 0 || start is null
            ? (null, errors)
            : (new TripSettings(first, days, pace, mode, Start!, start), errors);
    }
}
