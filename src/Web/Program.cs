using VillageCraftPortal.Commerce;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Backoffice;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Features.Orders;
using VillageCraftPortal.Web.Features.Trips;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Health;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Search;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);

builder.AddSiteInfrastructure();
builder.Services.AddContent();
builder.Services.AddMedia();
builder.Services.AddPublicSite(builder.Configuration);
builder.Services.AddOrders();
builder.Services.AddCommerce<VillageCraftPortal.Web.Infrastructure.Database.AppDbContext>().AddShipping(builder.Configuration);
builder.Services.AddCartAndCheckout();
builder.Services.AddSearch();
builder.Services.AddTripPages();
builder.Services.AddBackoffice(DataDirectory.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath), builder.Environment);

var app = builder.Build();
if (command.Verb is not null)
{
    return await app.Services.RunVerbAsync(command, Console.Out, Console.Error);
}

app.UseSiteMiddleware();
app.MapHealth();
app.MapPublicSite();
app.MapBackoffice();
app.MapPayments();
app.MapSearchApi();
app.MapTrips();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
