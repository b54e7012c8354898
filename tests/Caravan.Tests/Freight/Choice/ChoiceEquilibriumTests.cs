using Caravan.Calibration;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
using Xunit;

namespace Caravan.Tests.Freight.Choice;

/// <summary>
/// The choice model on the mini fixture: 600,000 TEU Xi'an→Duisburg (3 Mt) against a Brest crossing of 200,000 TEU
/// (1 Mt) a year. The crossing must bind: its shadow price rises until it carries no more than its capacity and the
/// rest goes by sea or the Middle Corridor.
/// </summary>
public class ChoiceEquilibriumTests
{
    private static readonly Network Net = TestPaths.LoadMini();

    private static ChoiceParameters Parameters() => new(
    [
        new ClassChoiceParameters { Commodity = Commodity.Container, Groups = [ModeGroup.Sea, ModeGroup.Rail] },
        new ClassChoiceParameters { Commodity = Commodity.DryBulk, Groups = [ModeGroup.Rail, ModeGroup.Sea] },
    ]);

    private static ChoiceSolution Solve(ChoiceOptions? options = null)
    {
        var demand = DemandReader.Read(Path.Combine(TestPaths.Mini, "demand.csv"), Net);
        var model = ChoiceModel.Build(Net, demand, Parameters(), options ?? new ChoiceOptions { Year = 2026 });
        return ChoiceEquilibrium.Solve(model);
    }

    private static int Edge(ChoiceSolution s, string linkId, string from)
    {
        var g = s.Model.Graph;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (ClassCosts.IsLink(g, e) && Net.Links[g.Ref[e]].Id == linkId && Net.Places[g.VertexPlace[g.Tail[e]]].Code == from)
            {
                return e;
            }
        }
        throw new InvalidOperationException(linkId);
    }

    [Fact]
    public void TheCrossingCarriesNoMoreThanItsCapacityAndHasAShadowPrice()
    {
        var s = Solve();
        Assert.True(s.Converged);
        var brest = Edge(s, "X3", "BY-BRE");
        var utilisation = s.BindingTonnes(brest) / s.Model.CapacityTonnes[brest];
        Assert.InRange(utilisation, 0.97, 1.005);
        Assert.True(s.ShadowUsdPerTonne[brest] > 0);
        // Conservation: all 3.5 Mt bound for Duisburg arrive over X10, X7 or X12.
        var arriving = new[] { ("X10", "PL-MAL"), ("X7", "TRIST"), ("X12", "NLRTM") }.Sum(x => s.EdgeTonnes[Edge(s, x.Item1, x.Item2)]);
        Assert.Equal(3_500_000, arriving, 0);
        var report = ChoiceReport.Create(s);
        Assert.DoesNotContain(report.OverCapacity, x => x.Utilisation > 1.005);
        Assert.Contains(report.Bottlenecks, x => x.Id == "X3" && x.ShadowUsdPerTonne > 0);
    }

    [Fact]
    public void AtTheSolutionEveryRowsCheapestRouteAtTheShadowPricesIsInItsChoiceSet()
    {
        // The choice sets start from uncongested costs; once Brest is priced, a route around it may be cheaper than any
        // in the set. The equilibrium holds only if no OD has a cheaper route at the final prices outside its set.
        var s = Solve();
        Assert.True(s.Converged);
        Assert.Contains(s.ShadowUsdPerTonne, x => x > 0);
        Assert.Equal(0, RowsMissingTheirCheapestRoute(s));
    }

    /// <summary>The demand rows of a solution whose cheapest route per group at its shadow prices is not in their choice set.</summary>
    public static int RowsMissingTheirCheapestRoute(ChoiceSolution s)
    {
        var model = s.Model;
        var builder = new ChoiceSetBuilder(model.Graph);
        var bulkShadow = s.ShadowUsdPerTonne.Select((x, e) => model.CapacityBindsContainersOnly[e] ? 0 : x).ToArray();
        var missing = 0;
        for (var i = 0; i < model.Demand.Count; i++)
        {
            var row = model.Demand[i];
            var copy = new List<ChoiceRoute>(model.Routes[i]);
            var shadow = row.Commodity == Commodity.Container ? s.ShadowUsdPerTonne : bulkShadow;
            missing += builder.Add(row.Origin, row.Destination, model.Costs[(int)row.Commodity]!, model.GroupsOf(i), shadow, 1, copy) > 0 ? 1 : 0;
        }
        return missing;
    }

    [Fact]
    public void WithoutTheCapacityTheCrossingWouldBeOverloaded()
    {
        // The same demand with the shadow-price ascent switched off: the logit alone sends more than 1 Mt to Brest.
        var s = Solve(new ChoiceOptions { Year = 2026, MaxIterations = 1 });
        var brest = Edge(s, "X3", "BY-BRE");
        Assert.True(s.EdgeTonnes[brest] > s.Model.CapacityTonnes[brest]);
    }

    [Fact]
    public void EveryClassPaysItsOwnTariff()
    {
        var demand = DemandReader.Read(Path.Combine(TestPaths.Mini, "demand.csv"), Net);
        var model = ChoiceModel.Build(Net, demand, Parameters(), new ChoiceOptions { Year = 2026 });
        var container = model.Costs[(int)Commodity.Container]!;
        var bulk = model.Costs[(int)Commodity.DryBulk]!;
        var g = model.Graph;
        var differ = 0;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            Assert.Equal(container.Profile.CostUsd[e] / Net.InfoOf(Commodity.Container).TonnesPerUnit, container.TariffUsdPerTonne[e], 9);
            Assert.Equal(bulk.Profile.CostUsd[e], bulk.TariffUsdPerTonne[e], 9);
            differ += Math.Abs(container.TariffUsdPerTonne[e] - bulk.TariffUsdPerTonne[e]) > 1e-6 ? 1 : 0;
        }
        Assert.True(differ > 0);
    }

    [Fact]
    public void TheMiddleCorridorRouteIsMarkedAsAWaterCrossing()
    {
        // Xi'an→Duisburg over Aktau–Baku (ferry L4) is a rail route with a Caspian crossing; the sea route is not.
        var s = Solve();
        var routes = s.Model.Routes[0];
        Assert.Contains(routes, r => r.Group == ModeGroup.Rail && r.WaterCrossing && r.Corridor == "middle");
        Assert.Contains(routes, r => r.Group == ModeGroup.Sea && !r.WaterCrossing);
    }

    [Fact]
    public void TheSameInputsGiveTheSameFlows()
    {
        var a = Solve();
        var b = Solve();
        Assert.Equal(a.EdgeTonnes, b.EdgeTonnes);
        Assert.Equal(a.ShadowUsdPerTonne, b.ShadowUsdPerTonne);
    }

    [Fact]
    public void ACheaperCorridorGainsTonnes()
    {
        var s = Solve();
        var e = CorridorElasticities.Compute(s, -0.1, ["sea"]).Single();
        Assert.True(e.DeltaTonnes > 0, $"{e.BaseTonnes} → {e.NewTonnes}");
        Assert.True(e.Elasticity < 0);
    }

    [Fact]
    public void VolumeSelectorsPickTheCrossingAndNotTheTrackBesideIt()
    {
        var s = Solve();
        var sources = new HashSet<string>();
        var crossing = new VolumeCase("brest", new HashSet<string> { "BY" }, new HashSet<string> { "PL" }, new HashSet<Mode> { Mode.Rail1520 }, Commodity.Container, "", new HashSet<int>(), 100_000, "TEU", 2024, ["T1"], "test", "corridor", 1, 2);
        var brest = Edge(s, "X3", "BY-BRE");
        Assert.Equal(s.EdgeTonnesByClass[(int)Commodity.Container][brest] / (s.Model.Units.TonnesPerFeu / 2), VolumeCalibrator.Predict(s, crossing).Predicted, 6);
        Net.TryGetPlace("KZ-DOS", out var dos);
        var both = new HashSet<string> { "CN", "KZ" };
        var dostyk = new VolumeCase("dostyk", both, both, new HashSet<Mode>(), null, "KZ-DOS", new HashSet<int> { dos }, 1, "Mt", 2024, ["T1"], "test", "corridor", 1, 3);
        var result = VolumeCalibrator.Predict(s, dostyk);
        // X1 in both directions; L2 (Dostyk–Almaty, inside Kazakhstan) and X8 (to Russia) are not CN–KZ links.
        Assert.Equal(2, result.Links);
        Assert.Equal((s.EdgeTonnes[Edge(s, "X1", "CNAKL")] + s.EdgeTonnes[Edge(s, "X1", "KZ-DOS")]) / 1e6, result.Predicted, 9);
    }
}
