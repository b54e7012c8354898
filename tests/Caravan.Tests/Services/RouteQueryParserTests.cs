using Caravan.Model;
using Caravan.Routing;
using Caravan.Services;
using Xunit;

namespace Caravan.Tests.Services;

/// <summary>The route-query parser the CLI and the web API share.</summary>
public class RouteQueryParserTests
{
    private static readonly RouteQueryParser Parser = new(TestPaths.LoadMini(), new EngineOptions { Year = 2026 });

    [Fact]
    public void ParsesEveryFieldIntoARequest()
    {
        var result = Parser.Parse(new RouteQuery
        {
            From = "西安",
            To = "dedui",
            Cargo = "dry-bulk",
            Quantity = "2.5",
            Avoid = "ru, by",
            AvoidModes = "Rail1520;Air",
            AvoidPlaces = "Moscow",
            Optimize = "cheapest",
            Year = "2031",
            MaxTransfers = "3",
            ValueOfTime = "12",
            CarbonPrice = "0",
        });
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var r = result.Value!;
        var net = TestPaths.LoadMini();
        Assert.Equal("CNSIA", net.Places[r.From].Code);
        Assert.Equal("DEDUI", net.Places[r.To].Code);
        Assert.Equal(Commodity.DryBulk, r.Commodity);
        Assert.Equal(2.5, r.Quantity);
        Assert.Equal(Objective.Cost, r.Objective);
        Assert.Equal(["BY", "RU"], r.Constraints.AvoidCountries.Order());
        Assert.Equal([Mode.Rail1520, Mode.Air], r.Constraints.AvoidModes.Order());
        Assert.Equal("RUMOW", net.Places[r.Constraints.AvoidPlaces.Single()].Code);
        Assert.Equal(2031, r.Constraints.Year);
        Assert.Equal(3, r.Constraints.MaxTransfers);
        Assert.Equal(new GeneralizedWeights(12, 0), r.Weights);
    }

    [Fact]
    public void DefaultsApplyToEmptyFields()
    {
        var r = new RouteQueryParser(TestPaths.LoadMini(), new EngineOptions { Year = 2027 }).Parse(new RouteQuery { From = "xian", To = "DEDUI", Quantity = " ", Year = "" }).Value!;
        Assert.Equal((Commodity.Container, 1.0, Objective.Generalized, 2027, (int?)null), (r.Commodity, r.Quantity, r.Objective, r.Constraints.Year, r.Constraints.MaxTransfers));
        Assert.Equal(20, r.Weights!.ValueOfTimeUsdPerHour); // per FEU-hour, the container default
    }

    [Fact]
    public void ReportsEveryProblemAtOnceNamingTheField()
    {
        var result = Parser.Parse(new RouteQuery { From = "Duisbrug", Cargo = "plutonium", Quantity = "1e", Year = "1800", Avoid = "Russia", AvoidModes = "Teleport" });
        Assert.False(result.IsValid);
        Assert.Equal(["avoid", "avoidModes", "cargo", "from", "quantity", "to", "year"], result.Errors.Select(e => e.Field).Order());
        var from = result.Errors.Single(e => e.Field == "from");
        Assert.Equal(ErrorCode.UnknownPlace, from.Code);
        Assert.Equal("DEDUI", from.Places[0].Code);
        Assert.Equal(ErrorCode.MissingValue, result.Errors.Single(e => e.Field == "to").Code);
    }

    [Fact]
    public void RefusesOversizedFieldsAndListsBeforeSearching()
    {
        Assert.Contains(Parser.Parse(new RouteQuery { From = new string('x', 600), To = "DEDUI" }).Errors, e => e.Field == "from" && e.Message.Contains("512", StringComparison.Ordinal));
        var many = string.Join(',', Enumerable.Repeat("RU", 65));
        Assert.Contains(Parser.Parse(new RouteQuery { From = "xian", To = "DEDUI", Avoid = many }).Errors, e => e.Field == "avoid");
    }

    [Fact]
    public void WarnsAboutAvoidedCountriesOutsideTheNetwork()
    {
        var result = Parser.Parse(new RouteQuery { From = "xian", To = "DEDUI", Avoid = "IR" });
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Field == "avoid" && w.Message.Contains("IR", StringComparison.Ordinal));
    }

    [Fact]
    public void GivesTheSameAnswerTwice()
    {
        // Place resolutions are remembered; the second answer must equal the first, suggestions included.
        var a = Parser.Parse(new RouteQuery { From = "Duisbrug", To = "xian" });
        var b = Parser.Parse(new RouteQuery { From = "Duisbrug", To = "xian" });
        Assert.Equal(a.Errors.Single().Message, b.Errors.Single().Message);
        Assert.Equal(a.Errors.Single().Places, b.Errors.Single().Places);
    }

    [Fact]
    public void RefusesACargoTheNetworkDoesNotDefine()
    {
        // The readers insist on every commodity; a network built in code need not define them all.
        var n = TestPaths.LoadMini();
        var withoutGas = new Network(n.Places, n.Links, n.Transfers, n.Services, n.ModeParameters.OfType<ModeParameters>().ToList(),
            n.CommodityInfos.OfType<CommodityInfo>().Where(c => c.Commodity != Commodity.Gas).ToList(), n.Sources);
        var parser = new RouteQueryParser(withoutGas);
        var error = Assert.Single(parser.Parse(new RouteQuery { From = "xian", To = "DEDUI", Cargo = "gas" }).Errors);
        Assert.Equal("cargo", error.Field);
        Assert.Contains("does not define gas", error.Message, StringComparison.Ordinal);
    }
}
