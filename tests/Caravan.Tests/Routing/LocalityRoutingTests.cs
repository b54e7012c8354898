using Caravan.Data;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Services;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>
/// A locality named in a query is "anywhere in the city": the route starts (ends) at whichever of its places suits
/// the cargo, with no truck leg from the locality's principal place; a place named exactly is kept.
/// </summary>
public class LocalityRoutingTests
{
    private static readonly Lazy<RouteService> Service = new(() => new RouteService(NetworkReader.ReadFolder(TestPaths.Data)));

    private static Itinerary Recommended(string from, string to, string cargo)
    {
        var result = Service.Value.Plan(new RoutePlanQuery { From = from, To = to, Cargo = cargo });
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!.Result.Options[0].Itinerary;
    }

    private static string Code(int place) => Service.Value.Network.Places[place].Code;

    private static List<Leg> Moves(Itinerary it) => [.. it.Legs.Where(l => l.Kind is LegKind.Move or LegKind.Border)];

    [Fact]
    public void AirCargoFromACityStartsAtItsAirportWithoutATruckLeg()
    {
        // Zhengzhou's principal place is the rail terminal; air cargo must board at Xinzheng airport directly.
        var it = Recommended("Zhengzhou", "Liège", "air-cargo");
        var first = Moves(it)[0];
        Assert.Equal("CNCGO-APT", Code(first.From));
        Assert.Equal(Mode.Air, first.Mode);
        Assert.DoesNotContain(it.Legs, l => l.Mode == Mode.Road);
    }

    [Fact]
    public void ContainersFromTheSameCityStartAtItsRailTerminal()
    {
        var it = Recommended("Zhengzhou", "Duisburg", "container");
        var first = Moves(it)[0];
        Assert.Equal("CNCGO", Code(first.From));
        Assert.Equal(Mode.Rail1435, first.Mode);
    }

    [Fact]
    public void AirCargoToACityEndsAtItsAirport()
    {
        var it = Recommended("Liège", "Zhengzhou", "air-cargo");
        var last = Moves(it)[^1];
        Assert.Equal("CNCGO-APT", Code(last.To));
        Assert.Equal(Mode.Air, last.Mode);
        Assert.DoesNotContain(it.Legs, l => l.Mode == Mode.Road);
    }

    [Fact]
    public void APlaceNamedExactlyIsWhereTheRouteStarts()
    {
        // The airport's own code: containers start there and are trucked to a terminal, never teleported.
        var it = Recommended("CNCGO-APT", "Duisburg", "container");
        var first = Moves(it)[0];
        Assert.Equal("CNCGO-APT", Code(first.From));
        Assert.Equal(Mode.Road, first.Mode);
    }

    [Fact]
    public void BothEndsInOneLocalityIsAnError()
    {
        var result = Service.Value.Plan(new RoutePlanQuery { From = "Zhengzhou", To = "CNCGO-APT", Cargo = "air-cargo" });
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Field == "to" && e.Message.Contains("same locality", StringComparison.Ordinal));
    }
}
