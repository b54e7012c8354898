using Caravan.Data;
using Caravan.Model;
using Xunit;

namespace Caravan.Tests.Data;

/// <summary>Localities on the embedded network: a city's name finds it, a code only its own place, a shared name is ambiguous.</summary>
public class LocalityTests
{
    private static readonly Lazy<Network> Net = new(() => NetworkReader.ReadFolder(TestPaths.Data));

    [Theory]
    [InlineData("Budapest", "HUBUD")]
    [InlineData("Khorgos", "CNHRS")]
    [InlineData("Shanghai", "CNSHA")]
    [InlineData("Frankfurt", "DEFRA")]
    [InlineData("Istanbul", "TRIST-HALKALI")]
    [InlineData("Budapest Airport", "HUBUD-APT")]
    [InlineData("BUD", "HUBUD-APT")]
    [InlineData("Frankfurt (Oder)", "DEFFO")]
    [InlineData("CNTAO", "CNTAO")]
    [InlineData("CNNGB", "CNNGB")]
    [InlineData("CNSIA", "CNSIA")]
    [InlineData("HUBUD", "HUBUD")]
    public void ANameOrCodeFindsItsLocalityOrPlace(string text, string code)
    {
        var r = new PlaceSearch(Net.Value).Resolve(text);
        Assert.True(r.Place >= 0, r.Problem(text));
        Assert.Equal(code, Net.Value.Places[r.Place].Code);
    }

    [Fact]
    public void EveryPlaceBelongsToOneLocalityAndEveryLocalityHoldsItsPrincipal()
    {
        var net = Net.Value;
        var seen = new HashSet<int>();
        foreach (var l in net.Localities)
        {
            Assert.Contains(l.Principal, l.Places);
            foreach (var p in l.Places)
            {
                Assert.True(seen.Add(p));
                Assert.Equal(l, net.Localities[net.LocalityOf(p)]);
            }
        }
        Assert.Equal(net.Places.Count, seen.Count);
        Assert.True(net.TryGetLocality("HUBUD", out var budapest));
        Assert.Equal(2, net.Localities[budapest].Places.Count);
    }

    [Fact]
    public void ACodeNeverMatchesAnotherPlace()
    {
        var net = Net.Value;
        var search = new PlaceSearch(net);
        foreach (var p in net.Places)
        {
            var r = search.Resolve(p.Code);
            var got = net.Places[r.Place];
            // The code of a place is that place, or (for a locality's own code) the locality's principal place.
            Assert.True(got.Code == p.Code || (net.TryGetLocality(p.Code, out var l) && net.Localities[l].Principal == r.Place), $"{p.Code} → {got.Code}");
        }
        Assert.True(search.Resolve("CNXIY").Place < 0); // Xinyi, not in the network: no fuzzy match to Xi'an's airport
    }

    [Fact]
    public void ANameSharedByTwoLocalitiesIsAmbiguousNotUnknown()
    {
        var r = new PlaceSearch(Net.Value).Resolve("Torugart");
        Assert.True(r.Place < 0);
        Assert.Equal(2, r.Ambiguous.Count);
        Assert.StartsWith("ambiguous: ", r.Problem("Torugart"), StringComparison.Ordinal);
        Assert.Contains("KG-TORUGART", r.Problem("Torugart"), StringComparison.Ordinal);
    }
}
