using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Planning;

public class ShipmentPlannerTests
{
    private static readonly Network Net = TestPaths.LoadMini();
    private static readonly ShipmentPlanner Planner = new(new RoutingGraph(Net));

    private static int P(string code)
    {
        Assert.True(Net.TryGetPlace(code, out var i), code);
        return i;
    }

    private static PlanRequest Request(string from = "CNSIA", string to = "DEDUI", RouteConstraints? c = null, DateTimeOffset? depart = null, DateTimeOffset? deadline = null, int alternatives = 0, bool explain = false, Objective objective = Objective.Time) =>
        new(new RouteRequest(P(from), P(to), Commodity.Container, 1, objective, c ?? new RouteConstraints()), 8, depart, deadline, alternatives, explain);

    [Fact]
    public void ParetoSetHoldsNorthAndSeaAndTheCorridorTableShowsMiddle()
    {
        var plan = Planner.Plan(Request());
        var corridors = plan.Options.Select(o => o.Itinerary.Corridor).ToHashSet();
        Assert.Superset(new HashSet<string> { "north", "sea" }, corridors);
        // In the fixture the Middle Corridor is slower, dearer and dirtier than the north: dominated, and said so.
        var middle = Assert.Single(plan.Corridors, c => c.Corridor == "middle");
        Assert.StartsWith("dominated by option 1 (north)", middle.Verdict, StringComparison.Ordinal);
        Assert.NotNull(middle.Best);
        Assert.Equal("north", plan.Options[0].Itinerary.Corridor); // chosen by --optimize time
        Assert.Contains("fastest", plan.Options[0].Labels);
        Assert.Contains(plan.Options, o => o.Labels.Contains("cheapest") && o.Itinerary.Corridor == "sea");
    }

    [Fact]
    public void NoOptionDominatesAnother()
    {
        var plan = Planner.Plan(Request());
        foreach (var a in plan.Options)
        {
            foreach (var b in plan.Options)
            {
                if (ReferenceEquals(a, b))
                {
                    continue;
                }
                var ta = a.Itinerary.Totals;
                var tb = b.Itinerary.Totals;
                var dominates = ta.Hours <= tb.Hours && ta.CostUsd <= tb.CostUsd && ta.Co2eKg <= tb.Co2eKg && a.Distribution.P90Hours <= b.Distribution.P90Hours
                    && (ta.Hours < tb.Hours || ta.CostUsd < tb.CostUsd || ta.Co2eKg < tb.Co2eKg || a.Distribution.P90Hours < b.Distribution.P90Hours);
                Assert.False(dominates, $"{a.Itinerary.Corridor} dominates {b.Itinerary.Corridor}");
            }
        }
    }

    [Fact]
    public void ExtremesMatchSingleCriterionSearch()
    {
        var plan = Planner.Plan(Request());
        foreach (var objective in new[] { Objective.Time, Objective.Cost, Objective.Co2 })
        {
            var single = Planner.Router.Route(new RouteRequest(P("CNSIA"), P("DEDUI"), Commodity.Container, 1, objective, new RouteConstraints())).Itinerary!;
            double Crit(Totals t) => objective switch { Objective.Time => t.Hours, Objective.Cost => t.CostUsd, _ => t.Co2eKg };
            Assert.Equal(Crit(single.Totals), plan.Options.Min(o => Crit(o.Itinerary.Totals)), 6);
        }
    }

    [Fact]
    public void OnTimeProbabilityRisesWithTheDeadline()
    {
        var depart = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var previous = -1.0;
        foreach (var days in new[] { 9, 10, 11, 12, 14, 20 })
        {
            var plan = Planner.Plan(Request(depart: depart, deadline: depart.AddDays(days)));
            var p = plan.Options[0].OnTimeProbability!.Value;
            Assert.InRange(p, 0, 1);
            Assert.True(p >= previous, $"p({days} days) = {p} < {previous}");
            previous = p;
        }
        Assert.True(previous > 0.99);
    }

    [Fact]
    public void P90IsAboveTheMedian()
    {
        foreach (var o in Planner.Plan(Request()).Options)
        {
            Assert.True(o.Distribution.P90Hours > o.Distribution.P50Hours);
        }
    }

    [Fact]
    public void DepartureUsesTheFerryTimetable()
    {
        // Leaves Tuesday 08:00; reaches Aktau ~4.9 days later (Sunday); ferries sail Mon and Thu 10:00.
        var depart = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var plan = Planner.Plan(Request(c: new RouteConstraints { AvoidCountries = new HashSet<string> { "RU", "BY" } }, depart: depart));
        var option = plan.Options[0];
        Assert.NotNull(option.DatedLegs);
        var legs = option.Itinerary.Legs;
        var wait = legs.Select((l, i) => (l, i)).Single(x => x.l.Kind == LegKind.Wait).i;
        var sail = option.DatedLegs![wait].Arrives;
        Assert.True(option.DatedLegs[wait].FromTimetable);
        Assert.Contains(sail.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Thursday });
        Assert.Equal(new TimeSpan(10, 0, 0), sail.TimeOfDay);
        Assert.Equal(depart, option.DatedLegs[0].Departs);
        for (var i = 1; i < legs.Count; i++)
        {
            Assert.Equal(option.DatedLegs[i - 1].Arrives, option.DatedLegs[i].Departs);
        }
    }

    [Fact]
    public void AlternativesDifferInCorridor()
    {
        var plan = Planner.Plan(Request(alternatives: 3));
        Assert.Equal(3, plan.Alternatives.Count);
        Assert.Equal(3, plan.Alternatives.Select(a => a.Itinerary.Corridor).Distinct().Count());
    }

    [Fact]
    public void ExplainSaysWhichConstraintCutACorridor()
    {
        var plan = Planner.Plan(Request(from: "CNKHG", to: "UZAND", explain: true));
        Assert.Contains(plan.Explanations, e => e.StartsWith("cku: cut by year 2026", StringComparison.Ordinal));
        // The verdict is data too: which constraint, which value (each host words it with its own names).
        var cut = Assert.Single(plan.Corridors.Single(c => c.Corridor == "cku").CutBy!);
        Assert.Equal(("year", "2026"), (cut.Constraint, cut.Value));
        var later = Planner.Plan(Request(from: "CNKHG", to: "UZAND", c: new RouteConstraints { Year = 2030 }, explain: true));
        Assert.Equal("cku", later.Options[0].Itinerary.Corridor);
    }

    [Fact]
    public void ExplainNamesTheDominatingOption()
    {
        var plan = Planner.Plan(new PlanRequest(new RouteRequest(P("CNSIA"), P("DEDUI"), Commodity.Container, 1, Objective.Time, new RouteConstraints()), MaxOptions: 1, Explain: true));
        Assert.Single(plan.Options);
        Assert.Contains(plan.Explanations, e => e.StartsWith("middle:", StringComparison.Ordinal) && e.Contains("dominated by option 1", StringComparison.Ordinal));
    }

    [Fact]
    public void LabelLimitIsReportedNotIgnored()
    {
        var plan = Planner.Plan(Request() with { Limits = new ParetoLimits(MaxLabels: 3) });
        Assert.NotNull(plan.LimitExceeded);
        Assert.Empty(plan.Options);
    }

    [Fact]
    public void EveryOptionHonoursTheConstraints()
    {
        var plan = Planner.Plan(Request(c: new RouteConstraints { AvoidCountries = new HashSet<string> { "RU" }, MaxTransfers = 4 }));
        Assert.NotEmpty(plan.Options);
        foreach (var o in plan.Options)
        {
            Assert.True(o.Itinerary.Transfers <= 4);
            Assert.DoesNotContain(o.Itinerary.Legs, l => Net.Places[l.From].Country == "RU" || Net.Places[l.To].Country == "RU");
        }
    }
}
