using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// The product rows of the access matrix: what a browser sends for each action (forms read from the administrator's
/// view, carrying the acting user's token), and what an allowed action must have changed in the database.
/// </summary>
public sealed class MatrixProductRequests(BackofficeSite site)
{
    public async Task<IReadOnlyList<Answer>> SendAsync(StaffClient client, string? token, MatrixTarget target, Act action)
    {
        var (product, variant, secret) = ($"/backoffice/products/{target.ProductId}", $"/backoffice/products/variants/{target.VariantId}", target.Secret);
        return action switch
        {
            Act.View => [await MatrixRequests.GetAsync(client, product)],
            Act.Save => [await MatrixRequests.PostAsync(client, $"{product}?handler=Save", await AdminFormAsync(product, "form[data-product-form]", token, ("Form.NameEn", $"saved {secret}")))],
            Act.Delete => [await MatrixRequests.PostAsync(client, $"{product}?handler=Delete", MatrixRequests.Fields(token))],
            Act.CreateProduct => [await MatrixRequests.PostAsync(client, "/backoffice/products/new", MatrixRequests.Fields(token,
                ("Form.Village", target.Village!), ("Form.Category", ProductCategory.Ceramics), ("Form.NameVi", $"Sản phẩm mới {secret}"), ("Form.NameEn", $"New product {secret}"),
                ("Form.Weight", "500"), ("Form.Listed", "true"), ("Form.Revision", "0")))],
            Act.AddVariant => [await MatrixRequests.PostAsync(client, $"{product}/variants/new", MatrixRequests.Fields(token,
                ("Form.Sku", NewSku(secret)), ("Form.Price", "100.000"), ("Form.OpeningStock", "2"), ("Form.Revision", "0")))],
            Act.EditVariant => [await MatrixRequests.PostAsync(client, $"{variant}?handler=Save", await AdminFormAsync(variant, "form[data-variant-form]", token, ("Form.SizeEn", $"size {secret}")))],
            Act.RemoveVariant => [await MatrixRequests.PostAsync(client, $"{variant}?handler=Remove", MatrixRequests.Fields(token))],
            Act.StockView => [await MatrixRequests.GetAsync(client, $"{variant}/stock")],
            Act.AdjustStock => [await MatrixRequests.PostAsync(client, $"{variant}/stock?handler=Change", MatrixRequests.Fields(token, ("Change.Change", "+5"), ("Change.Reason", "Received")))],
            Act.CountStock => [await MatrixRequests.PostAsync(client, $"{variant}/stock?handler=Count", MatrixRequests.Fields(token,
                ("Count.Counted", "3"), ("Count.Shown", (await site.VariantAsync(target.VariantId)).Available.ToString(CultureInfo.InvariantCulture))))],
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    /// <summary>What each allowed action must have done, read back from the database.</summary>
    public static async Task AssertAllowedAsync(BackofficeSite site, MatrixTarget target, Act action, MatrixBefore before, Answer answer)
    {
        var (product, variant, secret) = ($"/backoffice/products/{target.ProductId}", $"/backoffice/products/variants/{target.VariantId}", target.Secret);
        switch (action)
        {
            case Act.View or Act.StockView:
                Assert.True(answer.Status == HttpStatusCode.OK, $"{answer}");
                Assert.Contains(secret, answer.Body, StringComparison.Ordinal);
                break;
            case Act.Save:
                MatrixEffects.RedirectsTo(answer, product);
                Assert.Equal($"saved {secret}", (await site.ProductAsync(target.ProductId)).NameEn);
                break;
            case Act.Delete:
                MatrixEffects.RedirectsTo(answer, "/backoffice/products");
                Assert.Null(await site.FindProductAsync(target.ProductId));
                break;
            case Act.CreateProduct:
                Assert.True(answer.Status == HttpStatusCode.Redirect && answer.LocationPath.StartsWith("/backoffice/products/", StringComparison.Ordinal), $"{answer}: {MatrixEffects.Excerpt(answer)}");
                Assert.Equal(target.Village, await site.QueryAsync(db => db.Set<Product>().Where(p => p.NameEn == $"New product {secret}").Select(p => p.VillageCode).SingleAsync()));
                break;
            case Act.AddVariant:
                MatrixEffects.RedirectsTo(answer, product);
                Assert.Equal(before.Variants + 1, (await site.ProductAsync(target.ProductId)).Variants.Count);
                Assert.True(await site.QueryAsync(db => db.Set<ProductVariant>().AnyAsync(v => v.Sku == NewSku(secret) && v.Available == 2)));
                break;
            case Act.EditVariant:
                MatrixEffects.RedirectsTo(answer, variant);
                Assert.Equal($"size {secret}", (await site.VariantAsync(target.VariantId)).SizeEn);
                break;
            case Act.RemoveVariant:
                MatrixEffects.RedirectsTo(answer, product);
                Assert.Null(await site.FindVariantAsync(target.VariantId));
                break;
            case Act.AdjustStock or Act.CountStock:
                MatrixEffects.RedirectsTo(answer, $"{variant}/stock");
                var expected = action == Act.AdjustStock ? before.Variant!.Available + 5 : 3;
                Assert.Equal(expected, (await site.VariantAsync(target.VariantId)).Available);
                Assert.Equal(expected, (await site.LedgerAsync(target.VariantId)).Sum(e => e.Delta));
                Assert.Equal(action == Act.AdjustStock ? StockReason.Received : StockReason.Counted, (await site.LedgerAsync(target.VariantId))[^1].Reason);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static string NewSku(string secret) => $"M-{secret.ToUpperInvariant()}";

    /// <summary>A form as the administrator sees it (everything filled in), with changes, carrying <paramref name="token"/>.</summary>
    private async Task<List<KeyValuePair<string, string>>> AdminFormAsync(string path, string selector, string? token, params (string Name, string Value)[] changes)
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var page = await admin.GetDocumentAsync(path);
        var fields = StaffClient.FieldsOf(StaffClient.FindForm(page, selector, "Save"));
        fields.RemoveAll(f => f.Key == StaffClient.AntiforgeryField || changes.Any(c => c.Name == f.Key));
        fields.AddRange(MatrixRequests.Fields(token, changes));
        return fields;
    }
}
