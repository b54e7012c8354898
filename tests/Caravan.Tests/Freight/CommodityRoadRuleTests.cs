using Caravan.Model;
using Xunit;

namespace Caravan.Tests.Freight;

/// <summary>The road rule in the form a class mask can hold (the freight assignment's "air cargo flies").</summary>
public class CommodityRoadRuleTests
{
    private static CommodityInfo Info(RoadRule rule, params Mode[] modes) =>
        new(Commodity.AirCargo, "tonne", 1, new HashSet<Mode>(modes), ["T"]) { RoadRule = rule };

    [Fact]
    public void AccessCommodityUsesRoadOnlyToReachOrLeaveAnAirport()
    {
        var air = Info(RoadRule.Access, Mode.Air, Mode.Road);
        Assert.True(air.MayUseLinkWithoutPhases(Mode.Air, PlaceKind.Airport, PlaceKind.Airport));
        Assert.True(air.MayUseLinkWithoutPhases(Mode.Road, PlaceKind.City, PlaceKind.Airport));
        Assert.True(air.MayUseLinkWithoutPhases(Mode.Road, PlaceKind.Airport, PlaceKind.City));
        Assert.False(air.MayUseLinkWithoutPhases(Mode.Road, PlaceKind.City, PlaceKind.Terminal));
        Assert.False(air.MayUseLinkWithoutPhases(Mode.Rail1435, PlaceKind.Terminal, PlaceKind.Terminal));
    }

    [Theory]
    [InlineData(RoadRule.Any)]
    [InlineData(RoadRule.Ends)]
    public void OtherRulesAllowEveryLink(RoadRule rule)
    {
        var info = Info(rule, Mode.Rail1435, Mode.Road);
        Assert.True(info.MayUseLinkWithoutPhases(Mode.Road, PlaceKind.City, PlaceKind.City));
    }
}
