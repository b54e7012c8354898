using System.Globalization;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;

namespace Caravan.Comparison;

/// <summary>
/// Says why a pair's route differs between two scenarios: links that B added, opened or closed, crossings whose
/// dwell or fees changed, services whose frequency changed, transfers whose handling changed — each with the
/// overlay changes (note and sources) that did it — or, failing those, that B simply picks another route.
/// </summary>
internal sealed class RouteChangeExplainer(ScenarioNetwork a, ScenarioNetwork b)
{
    private readonly HashSet<(string, int)> _changesInA = a.Log.Entries.Select(e => (e.Scenario, e.Change.Index)).ToHashSet();

    private readonly List<string> _causes = [];

    /// <summary>What changed on the routes, and the distinct overlay changes that caused it.</summary>
    public (IReadOnlyList<string> Reasons, IReadOnlyList<string> Causes) Explain(Itinerary? ra, Itinerary? rb)
    {
        _causes.Clear();
        var reasons = new List<string>();
        if (rb is not null)
        {
            foreach (var id in LinkIds(rb))
            {
                if (ExplainLinkInB(id) is { } reason)
                {
                    reasons.Add(reason);
                }
            }
            foreach (var leg in rb.Legs.Where(l => l.Kind == LegKind.Transfer))
            {
                if (ExplainTransfer(leg.From) is { } reason && !reasons.Contains(reason))
                {
                    reasons.Add(reason);
                }
            }
        }
        if (ra is not null)
        {
            foreach (var id in LinkIds(ra))
            {
                if (!b.Network.TryGetLink(id, out _))
                {
                    Because(b.Log.ForLink(id));
                    reasons.Add($"{Describe(a.Network, id)} closed in {b.Name}");
                }
            }
        }
        if (reasons.Count == 0 && ra is not null && rb is not null && !LinkIds(ra).SequenceEqual(LinkIds(rb)))
        {
            reasons.Add(ra.Corridor == rb.Corridor ? $"{b.Name} picks another route on the {rb.Corridor} corridor" : $"{b.Name} switches from the {ra.Corridor} to the {rb.Corridor} corridor");
        }
        if (reasons.Count == 0 && ra is not null && rb is not null && Math.Abs(ra.Totals.Hours - rb.Totals.Hours) > 1e-6)
        {
            reasons.Add("same route; times differ through changes off the listed links");
        }
        return (reasons, [.. _causes]);
    }

    private static List<string> LinkIds(Itinerary it) =>
        it.Legs.Where(l => l.Kind is LegKind.Move or LegKind.Border).Select(l => l.LinkId).Distinct().ToList();

    private string? ExplainLinkInB(string id)
    {
        b.Network.TryGetLink(id, out var ib);
        var lb = b.Network.Links[ib];
        if (!a.Network.TryGetLink(id, out var ia))
        {
            Because(b.Log.ForLink(id));
            return $"uses {Describe(b.Network, id)}, added in {b.Name}";
        }
        var la = a.Network.Links[ia];
        var diffs = new List<string>();
        if (la.Status != lb.Status)
        {
            if (lb.Status == LinkStatus.Operating)
            {
                Because(b.Log.ForLink(id));
                return $"uses {Describe(b.Network, id)}, opened in {b.Name}";
            }
            diffs.Add($"status {Lower(la.Status)} → {Lower(lb.Status)}");
        }
        if (la.Border is { } ba && lb.Border is { } bb)
        {
            Diff(diffs, "border dwell", ba.MedianHours, bb.MedianHours, "h");
            Diff(diffs, "border fee", ba.FeeUsdPerFeu, bb.FeeUsdPerFeu, "USD/FEU");
        }
        Diff(diffs, "fixed time", la.FixedHours, lb.FixedHours, "h");
        Diff(diffs, "speed", la.SpeedKmh, lb.SpeedKmh, "km/h");
        Diff(diffs, "tariff", la.TariffUsdPerFeu, lb.TariffUsdPerFeu, "USD/FEU");
        Diff(diffs, "tariff", la.TariffUsdPerTonne, lb.TariffUsdPerTonne, "USD/t");
        Diff(diffs, "distance", la.DistanceKm, lb.DistanceKm, "km");
        Diff(diffs, "departures", a.Network.DeparturesPerWeekOn(ia), b.Network.DeparturesPerWeekOn(ib), "/week");
        Diff(diffs, "capacity", la.CapacityPerYear, lb.CapacityPerYear, la.CapacityUnit);
        if (diffs.Count == 0)
        {
            return null;
        }
        Because(b.Log.ForLink(id));
        return $"{Describe(b.Network, id)}: {string.Join(", ", diffs)}";
    }

    private string? ExplainTransfer(int placeInB)
    {
        var code = b.Network.Places[placeInB].Code;
        if (!a.Network.TryGetPlace(code, out var placeInA))
        {
            return null;
        }
        var diffs = new List<string>();
        string? key = null;
        foreach (var tb in b.Network.Transfers.Where(t => t.Place == placeInB))
        {
            var ta = a.Network.Transfers.FirstOrDefault(t => t.Place == placeInA && ((t.ModeA == tb.ModeA && t.ModeB == tb.ModeB) || (t.ModeA == tb.ModeB && t.ModeB == tb.ModeA)));
            if (ta is null)
            {
                continue;
            }
            var before = diffs.Count;
            Diff(diffs, $"{tb.Kind} handling", ta.MedianHours, tb.MedianHours, "h");
            Diff(diffs, $"{tb.Kind} cost", ta.CostUsdPerFeu, tb.CostUsdPerFeu, "USD/FEU");
            if (diffs.Count > before)
            {
                key = ChangeLog.TransferKey(code, tb.ModeA, tb.ModeB);
            }
        }
        if (diffs.Count == 0)
        {
            return null;
        }
        Because(key is null ? [] : b.Log.ForTransfer(key));
        return $"{b.Network.Places[placeInB].Name}: {string.Join(", ", diffs)}";
    }

    private void Because(IEnumerable<AppliedChange> changes)
    {
        foreach (var c in changes)
        {
            var text = c.Change.Describe();
            if (!_changesInA.Contains((c.Scenario, c.Change.Index)) && !_causes.Contains(text))
            {
                _causes.Add(text);
            }
        }
    }

    private static string Describe(Network n, string id)
    {
        n.TryGetLink(id, out var i);
        var l = n.Links[i];
        var kind = l.IsCrossing ? "crossing" : "link";
        var corridor = l.Corridor.Length > 0 ? $"{l.Corridor} " : "";
        return $"{kind} {id} {n.Places[l.From].Name}–{n.Places[l.To].Name} ({corridor}{l.Mode})";
    }

    private static string Lower(LinkStatus s) => s.ToString().ToLowerInvariant();

    private static void Diff(List<string> diffs, string what, double? before, double? after, string unit)
    {
        if (before == after || (before is { } x && after is { } y && Math.Abs(x - y) < 1e-9))
        {
            return;
        }
        diffs.Add($"{what} {Show(before)} → {Show(after)} {unit}".TrimEnd());
    }

    private static string Show(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "default";
}
