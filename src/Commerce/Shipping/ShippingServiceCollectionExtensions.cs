using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VillageCraftPortal.Commerce.Shipping;

public static class ShippingServiceCollectionExtensions
{
    /// <summary>
    /// Provinces, shipping rates from the "Shipping" section (validated at start-up) and the calculator.
    /// Without a "Shipping" section the illustrative rates apply; with one, it is the whole truth, so a method
    /// left without bands stops the start-up rather than shipping for a price nobody chose.
    /// </summary>
    public static IServiceCollection AddShipping(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ShippingOptions.SectionName);
        var rates = services.AddOptions<ShippingOptions>();
        if (section.Exists())
        {
            rates.Bind(section);
        }
        else
        {
            rates.Configure(o => o.UseIllustrativeRates());
        }
        rates.ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShippingOptions>, ShippingOptionsValidator>();
        services.AddSingleton(_ => Provinces.Current);
        services.AddSingleton<ShippingCalculator>();
        return services;
    }
}
