using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using static VillageCraftPortal.Commerce.Orders.OrderStatus;

namespace VillageCraftPortal.Site.Tests.Commerce;

public sealed class OrderStateMachineTests
{
    public static TheoryData<OrderStatus, OrderStatus> Allowed => new()
    {
        { PendingPayment, Paid }, { PendingPayment, Confirmed }, { PendingPayment, Cancelled },
        { Paid, Packed }, { Confirmed, Packed }, { Packed, Shipped }, { Shipped, Delivered },
        { Paid, Refunded }, { Delivered, PartiallyRefunded }, { PartiallyRefunded, Refunded }, { PartiallyRefunded, Shipped },
        { Confirmed, Cancelled }, { Packed, Cancelled },
    };

    public static TheoryData<OrderStatus, OrderStatus> Refused => new()
    {
        { PendingPayment, Shipped }, { PendingPayment, Refunded }, { Paid, Cancelled }, { Paid, Delivered },
        { Confirmed, Refunded }, { Shipped, Packed }, { Shipped, Cancelled }, { Delivered, Shipped },
        { Cancelled, Paid }, { Refunded, PartiallyRefunded }, { Delivered, Delivered },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void The_normal_path_and_refunds_are_allowed(OrderStatus from, OrderStatus to) =>
        Assert.True(OrderStateMachine.CanMove(from, to), $"{from} → {to}");

    [Theory]
    [MemberData(nameof(Refused))]
    public void Skipping_steps_going_back_and_leaving_final_states_are_refused(OrderStatus from, OrderStatus to) =>
        Assert.False(OrderStateMachine.CanMove(from, to), $"{from} → {to}");

    [Fact]
    public void Every_status_has_rules_and_only_cancelled_and_refunded_are_final()
    {
        var final = Enum.GetValues<OrderStatus>().Where(OrderStateMachine.IsFinal).ToList();

        Assert.Equal([Cancelled, Refunded], final);
    }

    [Theory]
    [InlineData("VCP-2026-000123", 123)]
    [InlineData(" vcp-2026-000123 ", 123)]
    [InlineData("VCP-2027-1234567", 1234567)]
    [InlineData("VCP-2026-123", null)]
    [InlineData("VCP-2026-000000", null)]
    [InlineData("2026-000123", null)]
    [InlineData("VCP-2026-000123; DROP TABLE", null)]
    [InlineData(null, null)]
    public void Order_numbers_typed_by_people_are_read_back_or_refused(string? text, int? id) =>
        Assert.Equal(id, OrderNumber.TryParseId(text));

    [Fact]
    public void Order_numbers_carry_the_year_and_a_padded_id() =>
        Assert.Equal("VCP-2026-000123", OrderNumber.For(123, 2026));

    [Fact]
    public void An_OCOP_certificate_lasts_36_months_and_then_shows_as_expired()
    {
        var certificate = OcopCertificate.Issue(4, "OCOP-HN-2023-0001", new DateOnly(2023, 12, 15));

        Assert.Equal(new DateOnly(2026, 12, 15), certificate.ExpiresOn);
        Assert.Equal(OcopStanding.Valid, certificate.StandingOn(new DateOnly(2026, 12, 15)));
        Assert.Equal(OcopStanding.Expired, certificate.StandingOn(new DateOnly(2026, 12, 16)));
    }
}
