using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments;
using VillageCraftPortal.Commerce.Payments.Refunds;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Commerce.Payments.VietQr;
using VillageCraftPortal.Commerce.Stock;

namespace VillageCraftPortal.Commerce;

public static class CommerceServiceCollectionExtensions
{
    /// <summary>
    /// The shop's services, working in the site's own database (<typeparamref name="TContext"/> applies
    /// <see cref="CommerceModel"/>), so an order and the side effects it writes commit together.
    /// </summary>
    public static IServiceCollection AddCommerce<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddOptions<OrderOptions>().BindConfiguration(OrderOptions.Section)
            .Validate(o => o.CashOnDeliveryLimit > 0, "Orders:CashOnDeliveryLimit must be a positive number of đồng.")
            .Validate(o => o.MaxQuantityPerLine is >= 1 and <= 999, "Orders:MaxQuantityPerLine must be between 1 and 999.")
            .ValidateOnStart();
        services.AddScoped<StockKeeper>(sp => new StockKeeper(sp.GetRequiredService<TContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetServices<IStockObserver>()));
        services.AddScoped<OrderPlacement>(sp => ActivatorUtilities.CreateInstance<OrderPlacement>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<OrderPayments>(sp => ActivatorUtilities.CreateInstance<OrderPayments>(sp, sp.GetRequiredService<TContext>()));
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);
        services.AddHttpClient(StripeConnection.HttpClientName);
        services.AddSingleton<StripeConnection>();
        services.AddScoped<StripeCheckout>(sp => ActivatorUtilities.CreateInstance<StripeCheckout>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<StripeWebhooks>(sp => ActivatorUtilities.CreateInstance<StripeWebhooks>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<PaymentReconciliation>(sp => ActivatorUtilities.CreateInstance<PaymentReconciliation>(sp, sp.GetRequiredService<TContext>()));
        services.AddHostedService<ReconciliationService>();
        services.AddScoped<OrderFulfilment>(sp => ActivatorUtilities.CreateInstance<OrderFulfilment>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<OrderCancellation>(sp => ActivatorUtilities.CreateInstance<OrderCancellation>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<TransferConfirmation>(sp => ActivatorUtilities.CreateInstance<TransferConfirmation>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<OrderRefunds>(sp => ActivatorUtilities.CreateInstance<OrderRefunds>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<StripeRefundEvents>(sp => ActivatorUtilities.CreateInstance<StripeRefundEvents>(sp, sp.GetRequiredService<TContext>()));
        services.AddOptions<BankTransferOptions>().BindConfiguration(BankTransferOptions.Section)
            .Validate(
                o => !o.IsConfigured || VietQrPayload.Create(new VietQrTransfer(o.BankBin!, o.AccountNumber!, 1, "CHECK")).Succeeded,
                "BankTransfer:BankBin must be six digits and BankTransfer:AccountNumber at most 19 digits or capital letters.")
            .ValidateOnStart();
        services.AddSingleton<BankTransfers>();
        services.AddScoped<CartService>(sp => ActivatorUtilities.CreateInstance<CartService>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<CartCheckout>(sp => ActivatorUtilities.CreateInstance<CartCheckout>(sp, sp.GetRequiredService<TContext>()));
        services.AddScoped<CartCleanup>(sp => ActivatorUtilities.CreateInstance<CartCleanup>(sp, sp.GetRequiredService<TContext>()));
        services.AddSingleton<CartPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<CartPurge>());
        services.AddScoped<CardPaymentAbandonment>(sp => ActivatorUtilities.CreateInstance<CardPaymentAbandonment>(sp, sp.GetRequiredService<TContext>()));
        return services;
    }
}

/// <summary>Adds the shop's tables to a model.</summary>
public static class CommerceModel
{
    public static ModelBuilder ApplyCommerceModel(this ModelBuilder builder) =>
        builder.ApplyConfigurationsFromAssembly(typeof(CommerceModel).Assembly);
}
