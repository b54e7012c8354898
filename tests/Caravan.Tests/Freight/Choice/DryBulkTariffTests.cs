using Caravan.Data;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Freight.Choice;

/// <summary>
/// The freight model prices dry bulk on rail at the commodity's own rate per tonne-km (<c>rail_usd_per_tonne_km</c> in
/// commodities.csv) instead of the mode's general rate, on the mini network by hand: L1 Xi'an–Alashankou is 2,500 km
/// of standard gauge with no tariff of its own; the mode's rate is USD 0.05/t-km, the bulk rate set here 0.0127.
/// </summary>
public class DryBulkTariffTests
{
    private static ChoiceParameters Parameters() => new(
    [
        new ClassChoiceParameters { Commodity = Commodity.Container, Groups = [ModeGroup.Sea, ModeGroup.Rail] },
        new ClassChoiceParameters { Commodity = Commodity.DryBulk, Groups = [ModeGroup.Rail, ModeGroup.Sea] },
    ]);

    private static ChoiceModel Build(string folder)
    {
        var net = NetworkReader.ReadFolder(folder);
        var demand = DemandReader.Read(Path.Combine(folder, "demand.csv"), net);
        return ChoiceModel.Build(net, demand, Parameters(), new ChoiceOptions { Year = 2026 });
    }

    private static string WithBulkRate(double usdPerTonneKm)
    {
        var dir = TestPaths.CopyMini();
        var path = Path.Combine(dir, "commodities.csv");
        var lines = File.ReadAllLines(path);
        lines[0] = lines[0].Replace("modes,source", "modes,rail_usd_per_tonne_km,source", StringComparison.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var rate = lines[i].StartsWith("dry-bulk,", StringComparison.Ordinal) ? usdPerTonneKm.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            var f = lines[i].Split(',');
            lines[i] = string.Join(',', f[..4]) + "," + rate + "," + string.Join(',', f[4..]);
        }
        File.WriteAllLines(path, lines);
        return dir;
    }

    private static int Move(ChoiceModel m, string linkId, string from)
    {
        var g = m.Graph;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (g.Kind[e] == EdgeKind.Move && m.Network.Links[g.Ref[e]].Id == linkId && m.Network.Places[g.VertexPlace[g.Tail[e]]].Code == from)
            {
                return e;
            }
        }
        throw new InvalidOperationException(linkId);
    }

    [Fact]
    public void DryBulkPaysItsOwnRailRatePerTonneKmAndContainersKeepTheirs()
    {
        var plain = Build(TestPaths.Mini);
        var dir = WithBulkRate(0.0127);
        try
        {
            var rated = Build(dir);
            var e = Move(plain, "L1", "CNSIA");
            var er = Move(rated, "L1", "CNSIA");
            // Mode rate: 0.05 × 2,500 = USD 125/t; the bulk rate: 0.0127 × 2,500 = USD 31.75/t.
            Assert.Equal(125.0, plain.Costs[(int)Commodity.DryBulk]!.TariffUsdPerTonne[e], 6);
            Assert.Equal(31.75, rated.Costs[(int)Commodity.DryBulk]!.TariffUsdPerTonne[er], 6);
            // Containers still pay per FEU: the same tariff with and without the bulk rate.
            Assert.Equal(plain.Costs[(int)Commodity.Container]!.TariffUsdPerTonne[e], rated.Costs[(int)Commodity.Container]!.TariffUsdPerTonne[er], 9);
            // The generalized cost of the edge falls by the tariff difference, nothing else.
            Assert.Equal(125.0 - 31.75, plain.Costs[(int)Commodity.DryBulk]!.CostUsdPerTonne[e] - rated.Costs[(int)Commodity.DryBulk]!.CostUsdPerTonne[er], 6);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void EveryBulkRouteIsCheaperByTheRateDifferenceOnItsRailKilometres()
    {
        // The bulk row Almaty→Duisburg: each option (rail, or rail to a port and a ship) gets cheaper by exactly
        // (0.05 − 0.0127) USD/t-km × its rail km on links without a tariff of their own; ship legs keep their price.
        var dir = WithBulkRate(0.0127);
        try
        {
            var plain = Build(TestPaths.Mini);
            var rated = Build(dir);
            var g = plain.Graph;
            var bulk = Enumerable.Range(0, plain.Demand.Count).Single(i => plain.Demand[i].Commodity == Commodity.DryBulk);
            Assert.NotEmpty(plain.Routes[bulk]);
            foreach (var route in plain.Routes[bulk])
            {
                var railKm = route.Edges.Where(e => g.Kind[e] == EdgeKind.Move && g.EdgeMode[e] is Mode.Rail1435 or Mode.Rail1520 && plain.Network.Links[g.Ref[e]].TariffUsdPerTonne is null).Sum(e => g.DistanceKm[e]);
                var before = route.Edges.Sum(e => plain.Costs[(int)Commodity.DryBulk]!.TariffUsdPerTonne[e]);
                var after = route.Edges.Sum(e => rated.Costs[(int)Commodity.DryBulk]!.TariffUsdPerTonne[e]);
                Assert.Equal((0.05 - 0.0127) * railKm, before - after, 6);
            }
            Assert.Contains(plain.Routes[bulk], r => r.Edges.Any(e => g.Kind[e] == EdgeKind.Move && g.EdgeMode[e] is Mode.Rail1435 or Mode.Rail1520));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
