using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>
/// Routing on the hand-made fixture (tests/Caravan.Tests/Fixtures/mini; its sketch is in places.csv). Rail runs at
/// 50 km/h and costs 1 USD per FEU-km, so every expected figure below can be checked by hand.
/// </summary>
public class MiniNetworkRoutingTests
{
    private static readonly Network Net = TestPaths.LoadMini();
    private static readonly Router Router = new(Net);

    private static int P(string code)
    {
        Assert.True(Net.TryGetPlace(code, out var i), code);
        return i;
    }

    private static Itinerary Route(string from, string to, Objective objective = Objective.Time, RouteConstraints? constraints = null, Commodity commodity = Commodity.Container, double quantity = 1)
    {
        var outcome = Router.Route(new RouteRequest(P(from), P(to), commodity, quantity, objective, constraints ?? new RouteConstraints()));
        Assert.True(outcome.Found, outcome.NoRoute?.Message);
        return outcome.Itinerary!;
    }

    [Fact]
    public void FastestGoesNorthWithBothGaugeChanges()
    {
        var it = Route("CNSIA", "DEDUI");
        // 2500/50 + (10/50+10) + 5 + (4000/50+3) + (1100/50+2) + (10/50+30) + 8 + (1200/50+1)
        Assert.Equal(235.4, it.Totals.Hours, 6);
        Assert.Equal("north", it.Corridor);
        Assert.Equal(2, it.Legs.Count(l => l.Kind == LegKind.Transfer && l.Description.StartsWith("gauge change", StringComparison.Ordinal)));
        Assert.Contains(it.Legs, l => l.Kind == LegKind.Border && Net.Places[l.To].Country == "RU");
    }

    [Fact]
    public void AvoidingRussiaAndBelarusCrossesTheCaspian()
    {
        var it = Route("CNSIA", "DEDUI", constraints: new RouteConstraints { AvoidCountries = new HashSet<string> { "RU", "BY" } });
        Assert.Equal("middle", it.Corridor);
        Assert.Contains(it.Legs, l => l.Kind == LegKind.Move && l.Mode == Mode.Ferry && l.LinkId == "L4");
        Assert.Contains(it.Legs, l => l.Kind == LegKind.Wait && l.Hours == 42); // half of 168/2 hours
        Assert.DoesNotContain(it.Legs, l => Net.Places[l.From].Country is "RU" or "BY" || Net.Places[l.To].Country is "RU" or "BY");
        Assert.Equal(2, it.Legs.Count(l => l.Description.StartsWith("gauge change", StringComparison.Ordinal)));
    }

    [Fact]
    public void CheapestTakesTheSea()
    {
        var it = Route("CNSIA", "DEDUI", Objective.Cost, quantity: 2);
        // (1500 rail + 150 transfer + 20000×0.2 sea + 150 transfer + 250 rail) × 2 FEU
        Assert.Equal(12100, it.Totals.CostUsd, 6);
        Assert.Equal("sea", it.Corridor);
    }

    [Fact]
    public void Co2eIsTonneKmTimesFactorPlusHubs()
    {
        var it = Route("CNSIA", "DEDUI", Objective.Co2);
        // Container = 10 t. Sea: rail 1500 km + sea 20000 km + rail 250 km, two rail-sea transfers at 1.5 kg/t.
        var sea = (10 * 0.02 * 1500) + (10 * 0.01 * 20000) + (10 * 0.02 * 250) + (2 * 10 * 1.5);
        // North: rail 2500+10+4000+1100+10+1200 km, two gauge changes at 1.0 kg/t.
        var north = (10 * 0.02 * (2500 + 10 + 4000 + 1100 + 10 + 1200)) + (2 * 10 * 1.0);
        Assert.Equal(Math.Min(sea, north), it.Totals.Co2eKg, 6);
        Assert.Equal(1784, north, 6);
        Assert.Equal("north", it.Corridor);
    }

    [Theory]
    // Sea: 6,050 USD, 967 h, 238 kg/FEU... per FEU; north: 9,420 USD, 235.4 h. Low value of time → sea; high → north.
    [InlineData(0.5, "sea")]
    [InlineData(100, "north")]
    public void GeneralizedCostWeighsTimeAgainstMoney(double valueOfTime, string corridor)
    {
        var r = new RouteRequest(P("CNSIA"), P("DEDUI"), Commodity.Container, 1, Objective.Generalized, new RouteConstraints(), new GeneralizedWeights(valueOfTime, CarbonPriceUsdPerKg: 0));
        var outcome = Router.Route(r);
        Assert.Equal(corridor, outcome.Itinerary!.Corridor);
    }

    [Fact]
    public void PlannedLinkCountsOnlyFromItsOpeningYear()
    {
        var before = Route("CNKHG", "UZAND", constraints: new RouteConstraints { Year = 2029 });
        var after = Route("CNKHG", "UZAND", constraints: new RouteConstraints { Year = 2030 });
        Assert.DoesNotContain(before.Legs, l => l.Corridor == "cku");
        Assert.Contains(after.Legs, l => l.Corridor == "cku");
        Assert.True(after.Totals.Hours < before.Totals.Hours / 3);
    }

    [Fact]
    public void AvoidedModeIsNotUsed()
    {
        var it = Route("CNSIA", "DEDUI", Objective.Cost, new RouteConstraints { AvoidModes = new HashSet<Mode> { Mode.Sea } });
        Assert.DoesNotContain(it.Legs, l => l.Mode == Mode.Sea);
    }

    [Fact]
    public void TransferLimitIsExact()
    {
        var one = Router.Route(new RouteRequest(P("CNSIA"), P("DEDUI"), Commodity.Container, 1, Objective.Time, new RouteConstraints { MaxTransfers = 1 }));
        Assert.False(one.Found);
        Assert.Contains(one.NoRoute!.Blocking, b => b.Constraint == "max-transfers");
        var two = Route("CNSIA", "DEDUI", constraints: new RouteConstraints { MaxTransfers = 2 });
        Assert.Equal(2, two.Transfers);
    }

    [Fact]
    public void NoRouteNamesTheConstraintThatCutEveryPath()
    {
        var outcome = Router.Route(new RouteRequest(P("CNSIA"), P("DEDUI"), Commodity.Container, 1, Objective.Time,
            new RouteConstraints { AvoidCountries = new HashSet<string> { "KZ" }, AvoidModes = new HashSet<Mode> { Mode.Sea } }));
        Assert.False(outcome.Found);
        var blocking = outcome.NoRoute!.Blocking.Select(b => (b.Constraint, b.Value)).ToHashSet();
        Assert.Contains(("avoid-country", "KZ"), blocking);
        Assert.Contains(("avoid-mode", "Sea"), blocking);
    }

    [Fact]
    public void CommodityThatNoModeCarriesIsExplained()
    {
        var outcome = Router.Route(new RouteRequest(P("CNSIA"), P("DEDUI"), Commodity.Gas, 1, Objective.Time, new RouteConstraints()));
        Assert.False(outcome.Found);
        Assert.Contains("gas", outcome.NoRoute!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YearBlockIsExplainedWithTheOpeningYear()
    {
        var outcome = Router.Route(new RouteRequest(P("CNKHG"), P("UZAND"), Commodity.Container, 1, Objective.Time,
            new RouteConstraints { Year = 2026, AvoidCountries = new HashSet<string> { "KZ" } }));
        Assert.False(outcome.Found);
        Assert.Contains(outcome.NoRoute!.Blocking, b => b.Constraint == "year" && b.Message.Contains("2030", StringComparison.Ordinal));
    }

    [Fact]
    public void QuantityScalesCostAndCo2ButNotTime()
    {
        var one = Route("CNSIA", "DEDUI");
        var three = Route("CNSIA", "DEDUI", quantity: 3);
        Assert.Equal(one.Totals.Hours, three.Totals.Hours, 9);
        Assert.Equal(3 * one.Totals.CostUsd, three.Totals.CostUsd, 6);
        Assert.Equal(3 * one.Totals.Co2eKg, three.Totals.Co2eKg, 6);
    }
}
