using Microsoft.Extensions.Options;

namespace VillageCraftPortal.Commerce.Shipping;

/// <summary>Refuses rates the calculator could not apply: a banded method without bands, bands out of order, negative prices.</summary>
public sealed class ShippingOptionsValidator : IValidateOptions<ShippingOptions>
{
    public ValidateOptionsResult Validate(string? name, ShippingOptions options)
    {
        var failures = new List<string>();
        foreach (var (_, method, bands) in options.BandedMethods())
        {
            var path = $"{ShippingOptions.SectionName}:{method}";
            if (bands.Count == 0)
            {
                failures.Add($"{path} needs at least one weight band.");
            }
            for (var i = 0; i < bands.Count; i++)
            {
                if (bands[i].MaxGrams <= 0)
                {
                    failures.Add($"{path}:{i} must cover more than 0 g (MaxGrams is {bands[i].MaxGrams}).");
                }
                if (bands[i].Price < 0)
                {
                    failures.Add($"{path}:{i} has a negative price ({bands[i].Price}).");
                }
                if (i > 0 && bands[i].MaxGrams <= bands[i - 1].MaxGrams)
                {
                    failures.Add($"{path}:{i} ({bands[i].MaxGrams} g) must be heavier than the band before it ({bands[i - 1].MaxGrams} g).");
                }
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
