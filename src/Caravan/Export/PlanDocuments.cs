using System.Globalization;
using Caravan.Model;
using Caravan.Planning;
using Caravan.Reliability;
using Caravan.Units;

namespace Caravan.Export;

/// <summary>Maps a plan (Pareto options, alternatives, explanations) to the documented JSON response.</summary>
public static class PlanDocuments
{
    /// <summary>
    /// The response for a plan with at least one option. With <paramref name="zones"/>, each dated leg departs in
    /// its from-place's local time and arrives in its to-place's, with the offset (<c>2026-12-01T16:00+08:00</c>);
    /// without, in UTC (<c>2026-12-01T08:00Z</c>).
    /// </summary>
    public static RouteResponse Response(Network network, PlanResult plan, TimeZoneTable? zones = null)
    {
        var request = plan.Options[0].Itinerary.Request;
        return new RouteResponse(
            RouteDocuments.Place(network, request.From),
            RouteDocuments.Place(network, request.To),
            plan.Options.Select(o => Route(network, o, zones)).ToList())
        {
            Alternatives = plan.Alternatives.Count > 0 ? plan.Alternatives.Select(o => Route(network, o, zones)).ToList() : null,
            Explanations = plan.Explanations.Count > 0 ? plan.Explanations : null,
            ParetoSetSize = plan.ParetoSetSize,
            Corridors = plan.Corridors.Select(c => new CorridorDocument(c.Corridor, c.Verdict, c.OptionIndex >= 0 ? c.OptionIndex + 1 : null, c.OptionIndex < 0 && c.Best is { } b ? Route(network, b, zones) : null) { CutBy = c.CutBy }).ToList(),
            Reliability = $"log-normal dwell from median and p90, uniform waits over the headway; Monte Carlo, {TransitTimeDistribution.SampleCount} samples, seed {TransitTimeDistribution.Seed}",
        };
    }

    /// <summary>One option as a route document.</summary>
    public static RouteDocument Route(Network network, RouteOption option, TimeZoneTable? zones = null)
    {
        var doc = RouteDocuments.Route(network, option.Itinerary);
        var legs = doc.Legs;
        if (option.DatedLegs is { } dated)
        {
            var steps = option.Itinerary.Legs;
            legs = legs.Select((l, i) => l with
            {
                Departs = Date(dated[i].Departs, steps[i].From, zones),
                Arrives = Date(dated[i].Arrives, steps[i].To, zones),
            }).ToList();
        }
        return doc with
        {
            Legs = legs,
            P50Hours = Math.Round(option.Distribution.P50Hours, 2),
            P90Hours = Math.Round(option.Distribution.P90Hours, 2),
            OnTimeProbability = option.OnTimeProbability is { } p ? Math.Round(p, 4) : null,
            Labels = option.Labels,
        };
    }

    private static string Date(DateTimeOffset instant, int place, TimeZoneTable? zones) =>
        zones is null ? instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) : zones.Local(instant, place);
}
