using System.Linq.Expressions;
using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>
/// Keyset paging over products: order by (key, id) and start after a position with
/// <c>key &gt; @k OR (key = @k AND id &gt; @id)</c> (mirrored for descending). No row before the position is read
/// or counted, unlike OFFSET, and a product added meanwhile never shifts a page.
/// </summary>
internal static class Keyset
{
    private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static IQueryable<Product> Seek<TKey>(IQueryable<Product> products, Expression<Func<Product, TKey>> key, bool descending, (TKey Key, int Id)? position)
    {
        if (position is { } start)
        {
            products = products.Where(Beyond(key, start.Key, start.Id, descending));
        }

        return descending
            ? products.OrderByDescending(key).ThenByDescending(p => p.Id)
            : products.OrderBy(key).ThenBy(p => p.Id);
    }

    private static Expression<Func<Product, bool>> Beyond<TKey>(Expression<Func<Product, TKey>> key, TKey value, int id, bool descending)
    {
        var product = key.Parameters[0];

        // Values read through a closure become SQL parameters (one cached plan), not literals.
        var keyValue = Expression.Property(Expression.Constant(new Box<TKey>(value)), nameof(Box<TKey>.Value));
        var idValue = Expression.Property(Expression.Constant(new Box<int>(id)), nameof(Box<int>.Value));
        var productId = Expression.Property(product, nameof(Product.Id));
        Expression beyondKey = typeof(TKey) == typeof(string)
            ? Compare(Expression.Call(StringCompare, key.Body, keyValue), Expression.Constant(0), descending)
            : Compare(key.Body, keyValue, descending);
        var body = Expression.OrElse(beyondKey, Expression.AndAlso(Expression.Equal(key.Body, keyValue), Compare(productId, idValue, descending)));
        return Expression.Lambda<Func<Product, bool>>(body, product);
    }

    private static BinaryExpression Compare(Expression left, Expression right, bool descending) =>
        descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
