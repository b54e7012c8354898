using Caravan.Data;
using Caravan.Tests.Cli;
using Caravan.Units;
using Xunit;

namespace Caravan.Tests.Units;

public sealed class ContainerTests
{
    private static readonly ContainerCatalog Catalog = ContainerCatalog.Read(TestPaths.Data);

    [Theory]
    [InlineData("20", "22G1", 1)]
    [InlineData("40'", "42G1", 2)]
    [InlineData("40hc", "45G1", 2)]
    [InlineData("45", "L5G1", 2.25)]
    [InlineData("reefer", "42R1", 2)]
    [InlineData("22R1", "22R1", 1)]
    public void Types_are_found_by_alias_or_iso_code_with_their_teu(string text, string code, double teu)
    {
        Assert.True(Catalog.TryFind(text, out var type));
        Assert.Equal(code, type.Code);
        Assert.Equal(teu, type.Teu);
        Assert.Equal(teu / 2, type.Feu);
        Assert.Equal(type.MaxGrossKg, type.TareKg + type.MaxPayloadKg, 0);
    }

    [Fact]
    public void Payload_limit_is_enforced_and_boxes_convert_to_feu()
    {
        Assert.True(Catalog.TryFind("20", out var twenty));
        Assert.Equal(1.5, ContainerCatalog.Feu(twenty, 3, 20_000, out var ok));
        Assert.Null(ok);
        ContainerCatalog.Feu(twenty, 1, twenty.MaxPayloadKg + 1, out var error);
        Assert.Contains("payload limit of 28180 kg", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_container_row_cites_a_source_of_sources_csv()
    {
        var sources = NetworkReader.ReadFolder(TestPaths.Data).Sources.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(Catalog.Types.SelectMany(t => t.SourceIds), id => Assert.Contains(id, sources));
    }

    [Fact]
    public void Route_with_a_container_type_prices_its_feu_and_refuses_overweight_boxes()
    {
        var one = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--optimize", "cost", "--json");
        var twenties = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--optimize", "cost", "--container", "20", "--quantity", "4", "--json");
        Assert.True(twenties.ExitCode == 0, twenties.Stderr);
        using var a = System.Text.Json.JsonDocument.Parse(one.Stdout);
        using var b = System.Text.Json.JsonDocument.Parse(twenties.Stdout);
        Assert.Equal(2, b.RootElement.GetProperty("routes")[0].GetProperty("quantity").GetDouble());
        Assert.Contains("4 × 22G1 (20 ft general purpose) = 4 TEU = 2 FEU", twenties.Stderr, StringComparison.Ordinal);
        var heavy = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--container", "40HC", "--cargo-kg", "27000");
        Assert.Equal(2, heavy.ExitCode);
        Assert.Contains("payload limit of 26540 kg", heavy.Stderr, StringComparison.Ordinal);
        Assert.True(a.RootElement.GetProperty("routes")[0].GetProperty("totals").GetProperty("costUsd").GetDouble() > 0);
    }
}
