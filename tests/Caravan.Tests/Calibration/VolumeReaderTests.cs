using Caravan.Calibration;
using Caravan.Data;
using Caravan.Freight.Choice;
using Xunit;

namespace Caravan.Tests.Calibration;

/// <summary>The observed-volumes file and the choice parameters: every bad field is a diagnostic with its line.</summary>
public class VolumeReaderTests
{
    private const string Header = "id,from_countries,to_countries,modes,commodity,via,observed,unit,year,source,split";

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"volumes-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsASelectorRow()
    {
        var path = Write($"{Header}\nbrest,BY,PL,Rail1520|Rail1435,container,,200000,TEU,2024,T1,fitting\n");
        var rows = VolumeReader.Read(path, TestPaths.LoadMini());
        var r = Assert.Single(rows);
        Assert.True(r.IsFitting);
        Assert.Equal("corridor", r.Kind);
        Assert.Equal(2, r.Modes.Count);
    }

    [Fact]
    public void EveryBadFieldIsReportedWithItsLine()
    {
        var path = Write($"{Header}\nx,ZZ,PL,Hovercraft,coal,Nowhere,-1,kg,1900,NOPE,maybe\n");
        var e = Assert.Throws<CaravanDataException>(() => VolumeReader.Read(path, TestPaths.LoadMini()));
        var text = string.Join("\n", e.Diagnostics.Select(d => d.ToString()));
        foreach (var field in new[] { "from_countries", "modes", "commodity", "via", "observed", "unit", "year", "source", "split" })
        {
            Assert.Contains(e.Diagnostics, d => d.Field == field && d.Line == 2);
        }
        Assert.Contains("ZZ", text);
    }

    [Fact]
    public void TheDefaultVolumesFileReadsAgainstTheDefaultNetwork()
    {
        var net = Caravan.Data.NetworkReader.ReadFolder(TestPaths.Data);
        var rows = VolumeReader.Read(Path.Combine(TestPaths.Root, "data", "calibration-volumes.csv"), net);
        Assert.Contains(rows, r => r.IsFitting);
        Assert.Contains(rows, r => !r.IsFitting);
        Assert.Contains(rows, r => r.Kind == "pipeline");
    }

    [Fact]
    public void UnknownChoiceParametersAreErrors()
    {
        var path = Write("commodity,parameter,value,fitted,source,notes\ncontainer,betta,4,no,,\ncontainer,asc:rail,x,yes,,\ncontainer,mu,0.5,yes,,\n");
        var e = Assert.Throws<CaravanDataException>(() => ChoiceParameters.Read(path));
        Assert.Contains(e.Diagnostics, d => d.Line == 2 && d.Field == "parameter");
        Assert.Contains(e.Diagnostics, d => d.Line == 3 && d.Field == "value");
        Assert.Contains(e.Diagnostics, d => d.Line == 4 && d.Field == "fitted");
    }

    [Fact]
    public void ConstantsReadIntoTheirClass()
    {
        var path = Write("commodity,parameter,value,fitted,source,notes\ncontainer,asc:water,0.5,yes,,\ncontainer,asc:corridor:middle,-1,no,,\ndry-bulk,value_of_time,0.02,yes,,\n");
        var p = ChoiceParameters.Read(path);
        Assert.Equal(0.5, p.For(Caravan.Model.Commodity.Container).WaterCrossingConstant);
        Assert.Equal(-1, p.For(Caravan.Model.Commodity.Container).CorridorConstant("middle"));
        Assert.Equal(0.02, p.For(Caravan.Model.Commodity.DryBulk).ValueOfTimeUsdPerTonneHour);
        Assert.Equal(["container asc:water", "dry-bulk value_of_time"], p.Fitted.Select(f => f.ToString()));
        var moved = p.With(p.Fitted[0], 1.25);
        Assert.Equal(1.25, moved.For(Caravan.Model.Commodity.Container).WaterCrossingConstant);
    }

    [Fact]
    public void TheShippedParametersRead()
    {
        var p = ChoiceParameters.Read(Path.Combine(TestPaths.Root, "data", "demand", "choice-parameters.csv"));
        Assert.NotEmpty(p.Fitted);
        Assert.Equal([ModeGroup.Air], p.For(Caravan.Model.Commodity.AirCargo).Groups);
    }
}
