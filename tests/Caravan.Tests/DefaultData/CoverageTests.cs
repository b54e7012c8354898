using Caravan.Data;
using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.DefaultData;

/// <summary>The places and links issue 12 point 6 asks for are in the default network and carry traffic.</summary>
public class CoverageTests
{
    private static readonly Lazy<(Network Net, Router Router, PlaceSearch Search)> Loaded = new(() =>
    {
        var net = NetworkReader.ReadFolder(TestPaths.Data);
        return (net, new Router(net), new PlaceSearch(net));
    });

    private static Network Net => Loaded.Value.Net;

    private static Itinerary Route(string from, string to, Commodity commodity, params Mode[] only)
    {
        Assert.True(Loaded.Value.Search.TryResolve(from, out var a, out _), from);
        Assert.True(Loaded.Value.Search.TryResolve(to, out var b, out _), to);
        var avoid = only.Length == 0 ? new HashSet<Mode>() : Modes.All.Where(m => !only.Contains(m)).ToHashSet();
        var outcome = Loaded.Value.Router.Route(new RouteRequest(a, b, commodity, 1, Objective.Time, new RouteConstraints { Year = 2026, AvoidModes = avoid }));
        Assert.True(outcome.Found, outcome.NoRoute?.Message);
        return outcome.Itinerary!;
    }

    private static bool Passes(Itinerary it, string code) =>
        it.Legs.Any(l => Net.Places[l.From].Code == code || Net.Places[l.To].Code == code);

    [Fact]
    public void CentralAsiaToTurkiyeTruckingCrossesIranAtBazargan()
    {
        var it = Route("UZTAS", "TR-ERZURUM", Commodity.Container, Mode.Road);
        Assert.True(Passes(it, "IR-BAZARGAN") && Passes(it, "TR-GURBULAK"));
        Assert.Contains(it.Legs, l => l.Kind == LegKind.Border && Net.Places[l.To].Country == "IR");
    }

    [Theory]
    [InlineData("RU-OLYA", "IR-ANZALI")]
    [InlineData("RU-MAKHACHKALA", "IR-AMIRABAD")]
    [InlineData("KZ-AKTAU", "IR-AMIRABAD")]
    public void RussianAndIranianCaspianPortsAreJoinedByScheduledShips(string from, string to)
    {
        var it = Route(from, to, Commodity.DryBulk, Mode.Sea);
        Assert.Contains(it.Legs, l => l.Kind == LegKind.Move && l.Mode == Mode.Sea);
        Assert.Contains(it.Legs, l => l.Kind == LegKind.Wait); // each line has a service, so a ship is waited for
    }

    [Fact]
    public void AzerbaijanReachesIranAtAstaraByRailAndRoad()
    {
        Assert.Contains(Net.Links, l => l.IsCrossing && l.Mode == Mode.Rail1520 && Net.Places[l.From].Code == "AZ-ASTARA" && Net.Places[l.To].Code == "IR-ASTARA" && l.CapacityPerYear > 0);
        Assert.Contains(Net.Links, l => l.IsCrossing && l.Mode == Mode.Road && Net.Places[l.From].Code == "AZ-ASTARA" && Net.Places[l.To].Code == "IR-ASTARA");
    }

    [Fact]
    public void UkrainianBroadGaugeEntersTheEuAtZahonyWithAGaugeChange()
    {
        var it = Route("UA-CHORNOMORSK", "HUBUD", Commodity.Container, Mode.Rail1520, Mode.Rail1435);
        Assert.True(Passes(it, "HU-ZAHONY"));
        Assert.Contains(it.Legs, l => l.Kind == LegKind.Transfer && l.Description.StartsWith("gauge change", StringComparison.Ordinal));
    }

    [Fact]
    public void SuifenheJoinsHarbinToTheTransSiberian()
    {
        var it = Route("CNHRB", "RU-CHITA", Commodity.Container, Mode.Rail1520, Mode.Rail1435);
        Assert.True(Passes(it, "CN-SUIFENHE") || Passes(it, "CNMLX"));
        Assert.Contains(Net.Links, l => l.IsCrossing && Net.Places[l.From].Code == "CN-SUIFENHE" && Net.Places[l.To].Code == "RU-GRODEKOVO");
    }

    [Fact]
    public void TengizCrudeReachesChinaByPipeline()
    {
        var it = Route("KZ-TENGIZ", "CNAKL", Commodity.LiquidBulk, Mode.PipelineOil);
        Assert.True(Passes(it, "KZ-ATYRAU"));
        Assert.All(it.Legs.Where(l => l.Kind == LegKind.Move), l => Assert.Equal(Mode.PipelineOil, l.Mode));
    }

    [Fact]
    public void PipelineCorrectionsHold()
    {
        Link L(string id) => Net.Links.Single(l => l.Id == id);
        // BTC 1.2 Mb/d ≈ 60 Mt/yr; the Turkmen East–West pipeline 773 km; CAGP Line D 966 km from the TM–UZ border.
        Assert.Equal(60_000_000, L("L-PO-0007").CapacityPerYear);
        Assert.Equal(773, L("L-PG-0015").DistanceKm);
        var lineD = new[] { "L-PG-0018", "L-PG-0006", "L-PG-0007", "L-PG-0008" }.Sum(id => L(id).DistanceKm);
        Assert.Equal(966 + 40, lineD); // + the 40 km on to Kashgar on the Chinese grid
    }
}
