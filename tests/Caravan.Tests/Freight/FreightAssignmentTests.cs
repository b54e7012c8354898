using Caravan.Data;
using Caravan.Freight;
using Caravan.Model;
using Xunit;

namespace Caravan.Tests.Freight;

/// <summary>
/// Freight demand on the mini fixture: 600,000 TEU Xi'an→Duisburg (3 Mt at 10 t/FEU) against a Brest crossing of
/// 200,000 TEU (1 Mt) a year. At equilibrium the crossing is over capacity and the rest spills to the Middle Corridor.
/// </summary>
public class FreightAssignmentTests
{
    private static readonly Network Net = TestPaths.LoadMini();

    private static FreightAssignmentReport Solve(out FreightModel model)
    {
        var demand = DemandReader.Read(Path.Combine(TestPaths.Mini, "demand.csv"), Net);
        var options = new FreightAssignmentOptions { Year = 2026 };
        model = FreightAssignment.Build(Net, demand, options);
        return FreightAssignment.Solve(model, options);
    }

    [Fact]
    public void DemandIsConvertedToTonnes()
    {
        var demand = DemandReader.Read(Path.Combine(TestPaths.Mini, "demand.csv"), Net);
        Assert.Equal(3_000_000, demand[0].Tonnes, 6); // 600,000 TEU × 10 t/FEU ÷ 2
        Assert.Equal(500_000, demand[2].Tonnes, 6);
    }

    [Fact]
    public void CongestedCrossingIsTheTopBottleneckAndContainersSpillToTheSea()
    {
        var report = Solve(out _);
        Assert.True(report.Result.RelativeGap < 1e-4);
        var top = report.Bottlenecks[0];
        Assert.Equal("X3", top.Id);
        Assert.True(top.Utilisation > 1);
        Assert.True(report.Corridors.Single(c => c.Corridor == "sea").TonneKm > 0);
        var od = report.OdPairs.Single(o => Net.Places[o.Row.Origin].Code == "CNSIA");
        Assert.True(od.CongestedHours > od.FreeFlowHours + 24);
    }

    [Fact]
    public void EquilibriumEqualisesTheUsedRoutes()
    {
        // Wardrop: both routes the Xi'an containers use (north through the congested crossing, and sea via Shanghai)
        // cost the same at equilibrium, in hours × value of time + tariff per tonne.
        var report = Solve(out _);
        double Cost(string id, string from, Mode? to = null) => report.Links.Single(l => l.Id == id && l.From == from && (to is null || l.Mode == to)).GeneralizedCostUsdPerTonne;
        var north = Cost("L1", "CNSIA") + Cost("X1", "CNAKL") + Cost("KZ-DOS:gauge-change", "KZ-DOS", Mode.Rail1520) + Cost("X8", "KZ-DOS") + Cost("X9", "RUMOW")
            + Cost("X3", "BY-BRE") + Cost("PL-MAL:gauge-change", "PL-MAL", Mode.Rail1435) + Cost("X10", "PL-MAL");
        var sea = Cost("L13", "CNSIA") + Cost("CNSHA:rail-sea", "CNSHA", Mode.Sea) + Cost("L11", "CNSHA") + Cost("NLRTM:rail-sea", "NLRTM", Mode.Rail1435) + Cost("X12", "NLRTM");
        Assert.True(report.Links.Single(l => l.Id == "L11" && l.From == "CNSHA").FlowTonnes > 0);
        Assert.True(report.Links.Single(l => l.Id == "X3" && l.From == "BY-BRE").FlowTonnes > 0);
        Assert.Equal(north, sea, 1);
        // Conservation: everything bound for Duisburg arrives over X10, X7 or X12.
        var arriving = new[] { ("X10", "PL-MAL"), ("X7", "TRIST"), ("X12", "NLRTM") }.Sum(x => report.Links.Single(l => l.Id == x.Item1 && l.From == x.Item2).FlowTonnes);
        Assert.Equal(3_500_000, arriving, 0);
    }

    [Fact]
    public void UnroutableDemandNamesTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"demand-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "origin,destination,commodity,quantity_per_year,unit,source\nCNSIA,DEDUI,gas,1,bcm,T1\n");
        try
        {
            var demand = DemandReader.Read(path, Net);
            var e = Assert.Throws<CaravanDataException>(() => FreightAssignment.Build(Net, demand, new FreightAssignmentOptions(), "demand.csv"));
            Assert.Contains(e.Diagnostics, d => d.Line == 2 && d.Message.Contains("no route for gas", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BadDemandRowsAreDiagnosed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"demand-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "origin,destination,commodity,quantity_per_year,unit,source\nCNSIZ,DEDUI,container,10,TEU,T1\nCNSIA,DEDUI,container,-5,TEU,T1\nCNSIA,DEDUI,container,5,bcm,T1\n");
        try
        {
            var e = Assert.Throws<CaravanDataException>(() => DemandReader.Read(path, Net));
            Assert.Contains(e.Diagnostics, d => d.Line == 2 && d.Field == "origin" && d.Message.Contains("CNSIA", StringComparison.Ordinal));
            Assert.Contains(e.Diagnostics, d => d.Line == 3 && d.Field == "quantity_per_year");
            Assert.Contains(e.Diagnostics, d => d.Line == 4 && d.Field == "unit");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WritesCsv()
    {
        var report = Solve(out _);
        var dir = Directory.CreateTempSubdirectory("freight").FullName;
        try
        {
            FreightOutputs.WriteCsv(Path.Combine(dir, "flows.csv"), report);
            var lines = File.ReadAllLines(Path.Combine(dir, "flows.csv"));
            Assert.Equal(report.Links.Count + 1, lines.Length);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
