namespace VillageCraftPortal.Web.Content.Storage;

/// <summary>A public holiday as stored; the names are culture → text JSON.</summary>
public sealed class PublicHolidayRow
{
    public int Id { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Names { get; set; }
}
