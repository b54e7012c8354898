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
    public void CongestedCrossingIsTheTopBottleneckAndFlowSpillsToTheMiddleCorridor()
    {
        var report = Solve(out _);
        Assert.True(report.Result.RelativeGap < 1e-4);
        var top = report.Bottlenecks[0];
        Assert.Equal("X3", top.Id);
        Assert.True(top.Utilisation > 1);
        var middle = report.Corridors.Single(c => c.Corridor == "middle");
        Assert.True(middle.TonneKm > 0);
        var od = report.OdPairs.Single(o => Net.Places[o.Row.Origin].Code == "CNXIY");
        Assert.True(od.CongestedHours > od.FreeFlowHours + 24);
    }

    [Fact]
    public void EquilibriumEqualisesTheUsedRoutes()
    {
        // Wardrop: both used Xi'an→Duisburg routes (north through the congested crossing, and the Middle Corridor)
        // take the same time at equilibrium; the shared part (Xi'an→Dostyk) cancels out.
        var report = Solve(out _);
        double Hours(string id, string from, Mode? to = null) => report.Links.Single(l => l.Id == id && l.From == from && (to is null || l.Mode == to)).CongestedHours;
        var north = Hours("X8", "KZ-DOS") + Hours("X9", "RUMOW") + Hours("X3", "BY-BRE") + Hours("PL-MAL:gauge-change", "PL-MAL", Mode.Rail1435) + Hours("X10", "PL-MAL");
        var middle = Hours("L2", "KZ-DOS") + Hours("L3", "KZALA") + Hours("KZAKT:rail-ferry", "KZAKT", Mode.Ferry) + Hours("L4", "KZAKT") + Hours("AZBAK:rail-ferry", "AZBAK", Mode.Rail1520)
            + Hours("X5", "AZBAK") + Hours("X2", "GETBS") + Hours("TRKSY:gauge-change", "TRKSY", Mode.Rail1435) + Hours("L6", "TRKSY") + Hours("X7", "TRIST");
        Assert.True(report.Links.Single(l => l.Id == "L4" && l.From == "KZAKT").FlowTonnes > 0);
        Assert.Equal(north, middle, 1);
        // Conservation: everything bound for Duisburg from the east arrives over X10 or X7.
        var arriving = report.Links.Single(l => l.Id == "X10" && l.From == "PL-MAL").FlowTonnes + report.Links.Single(l => l.Id == "X7" && l.From == "TRIST").FlowTonnes;
        Assert.Equal(3_500_000, arriving, 0);
    }

    [Fact]
    public void UnroutableDemandNamesTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"demand-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "origin,destination,commodity,quantity_per_year,unit,source\nCNXIY,DEDUI,gas,1,bcm,T1\n");
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
        File.WriteAllText(path, "origin,destination,commodity,quantity_per_year,unit,source\nCNXIZ,DEDUI,container,10,TEU,T1\nCNXIY,DEDUI,container,-5,TEU,T1\nCNXIY,DEDUI,container,5,bcm,T1\n");
        try
        {
            var e = Assert.Throws<CaravanDataException>(() => DemandReader.Read(path, Net));
            Assert.Contains(e.Diagnostics, d => d.Line == 2 && d.Field == "origin" && d.Message.Contains("CNXIY", StringComparison.Ordinal));
            Assert.Contains(e.Diagnostics, d => d.Line == 3 && d.Field == "quantity_per_year");
            Assert.Contains(e.Diagnostics, d => d.Line == 4 && d.Field == "unit");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WritesCsvAndGeoJson()
    {
        var report = Solve(out var model);
        var dir = Directory.CreateTempSubdirectory("freight").FullName;
        try
        {
            FreightOutputs.WriteCsv(Path.Combine(dir, "flows.csv"), report);
            FreightOutputs.WriteGeoJson(Path.Combine(dir, "flows.geojson"), model, report);
            var lines = File.ReadAllLines(Path.Combine(dir, "flows.csv"));
            Assert.Equal(report.Links.Count + 1, lines.Length);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "flows.geojson")));
            Assert.True(doc.RootElement.GetProperty("features").GetArrayLength() > 5);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
