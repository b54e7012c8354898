using Caravan.Model;
using Caravan.Routing;
using Caravan.Routing.Queries;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>The route-query parser the CLI and the web API share.</summary>
public class RouteQueryParserTests
{
    private static readonly RouteQueryParser Parser = new(TestPaths.LoadMini());

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
        }, 2026);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var r = result.Request!;
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
        var r = Parser.Parse(new RouteQuery { From = "xian", To = "DEDUI", Quantity = " ", Year = "" }, 2027).Request!;
        Assert.Equal((Commodity.Container, 1.0, Objective.Generalized, 2027, (int?)null), (r.Commodity, r.Quantity, r.Objective, r.Constraints.Year, r.Constraints.MaxTransfers));
        Assert.Equal(20, r.Weights!.ValueOfTimeUsdPerHour); // per FEU-hour, the container default
    }

    [Fact]
    public void ReportsEveryProblemAtOnceNamingTheField()
    {
        var result = Parser.Parse(new RouteQuery { From = "Duisbrug", Cargo = "plutonium", Quantity = "1e", Year = "1800", Avoid = "Russia", AvoidModes = "Teleport" }, 2026);
        Assert.False(result.IsValid);
        Assert.Equal(["avoid", "avoidModes", "cargo", "from", "quantity", "to", "year"], result.Errors.Select(e => e.Field).Order());
        var from = result.Errors.Single(e => e.Field == "from");
        Assert.Equal(RouteQueryErrorKind.UnknownPlace, from.Kind);
        Assert.Equal("DEDUI", from.Suggestions[0].Code);
        Assert.Equal(RouteQueryErrorKind.Missing, result.Errors.Single(e => e.Field == "to").Kind);
    }

    [Fact]
    public void RefusesOversizedFieldsAndListsBeforeSearching()
    {
        Assert.Contains(Parser.Parse(new RouteQuery { From = new string('x', 600), To = "DEDUI" }, 2026).Errors, e => e.Field == "from" && e.Message.Contains("512", StringComparison.Ordinal));
        var many = string.Join(',', Enumerable.Repeat("RU", 65));
        Assert.Contains(Parser.Parse(new RouteQuery { From = "xian", To = "DEDUI", Avoid = many }, 2026).Errors, e => e.Field == "avoid");
    }

    [Fact]
    public void WarnsAboutAvoidedCountriesOutsideTheNetwork()
    {
        var result = Parser.Parse(new RouteQuery { From = "xian", To = "DEDUI", Avoid = "IR" }, 2026);
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Contains("IR", StringComparison.Ordinal));
    }

    [Fact]
    public void GivesTheSameAnswerTwice()
    {
        // Place resolutions are remembered; the second answer must equal the first, suggestions included.
        var a = Parser.Parse(new RouteQuery { From = "Duisbrug", To = "xian" }, 2026);
        var b = Parser.Parse(new RouteQuery { From = "Duisbrug", To = "xian" }, 2026);
        Assert.Equal(a.Errors.Single().Message, b.Errors.Single().Message);
        Assert.Equal(a.Errors.Single().Suggestions, b.Errors.Single().Suggestions);
    }

    [Fact]
    public void RefusesACargoTheNetworkDoesNotDefine()
    {
        // The readers insist on every commodity; a network built in code need not define them all.
        var n = TestPaths.LoadMini();
        var withoutGas = new Network(n.Places, n.Links, n.Transfers, n.Services, n.ModeParameters.OfType<ModeParameters>().ToList(),
            n.CommodityInfos.OfType<CommodityInfo>().Where(c => c.Commodity != Commodity.Gas).ToList(), n.Sources);
        var parser = new RouteQueryParser(withoutGas);
        var error = Assert.Single(parser.Parse(new RouteQuery { From = "xian", To = "DEDUI", Cargo = "gas" }, 2026).Errors);
        Assert.Equal("cargo", error.Field);
        Assert.Contains("does not define gas", error.Message, StringComparison.Ordinal);
    }
}
