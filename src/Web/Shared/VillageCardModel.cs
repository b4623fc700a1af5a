using VillageCraftPortal.Web.Content.Published;

namespace VillageCraftPortal.Web.Shared;

/// <summary>A village as a card, numbered to match its marker on the map.</summary>
public sealed record VillageCardModel(PublishedNode Village, int Number);
