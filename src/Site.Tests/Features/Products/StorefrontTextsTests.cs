using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Features.Products;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>The shop's texts that views build from names (categories, sorts, unconfirmed fields) exist in both languages.</summary>
public sealed class StorefrontTextsTests
{
    private readonly UiTexts _texts = new();

    public static TheoryData<string> BuiltKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var key in ProductCategory.All.Select(c => $"store.category.{c}")
            .Concat(CatalogueFilter.SortNames.Keys.Select(s => $"store.sort.{s}"))
            .Concat(ProductFrontMatter.Fields.Concat(ProductFrontMatter.VariantFields).Select(f => $"store.field.{f}")))
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(BuiltKeys))]
    public void A_key_built_from_a_name_has_a_text_in_each_language(string key)
    {
        var (vi, en) = (_texts.All(Cultures.Vietnamese), _texts.All(Cultures.English));

        Assert.True(vi.ContainsKey(key) && en.ContainsKey(key), key);
        Assert.NotEqual(vi[key], en[key]);
    }
}
