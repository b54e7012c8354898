using Caravan.Freight;

namespace Caravan.Comparison;

/// <summary>Compares two freight assignments: flow shifts by link and corridor, new and relieved bottlenecks.</summary>
public static class AssignmentComparer
{
    /// <summary>Links whose flow changes by less than this many tonnes a year are left out.</summary>
    public const double MinShiftTonnes = 1;

    /// <summary>
    /// Utilisation from which an element counts as a bottleneck: the capacity-constrained equilibrium holds a full
    /// element at its capacity within its tolerance (<see cref="Freight.Choice.ChoiceOptions.CapacityTolerance"/>), so
    /// a priced element counts as full from 1 − 4 × tolerance = 98% (the slack rule of <see cref="Freight.Choice.ChoiceEquilibrium"/>).
    /// </summary>
    public const double AtCapacityUtilisation = 0.98;

    /// <summary>
    /// Compares A with B; flows are in tonnes per year, link keys are <c>id from→to</c> (one per direction). The
    /// demand each side could not route (see <see cref="DemandReach.Split"/>) is carried into the result.
    /// </summary>
    public static AssignmentComparison Compare(FreightAssignmentReport a, FreightAssignmentReport b, IReadOnlyList<UnservedDemand>? unservedA = null, IReadOnlyList<UnservedDemand>? unservedB = null)
    {
        static string Key(LinkFlow l) => $"{l.Id} {l.From}→{l.To}";
        var byKeyA = a.Links.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var byKeyB = b.Links.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var keys = new HashSet<string>(byKeyA.Keys);
        keys.UnionWith(byKeyB.Keys);
        var links = new List<LinkFlowChange>();
        var newBottlenecks = new List<string>();
        var relieved = new List<string>();
        foreach (var key in keys)
        {
            byKeyA.TryGetValue(key, out var la);
            byKeyB.TryGetValue(key, out var lb);
            var fa = la?.FlowTonnes ?? 0;
            var fb = lb?.FlowTonnes ?? 0;
            var ua = la?.Utilisation;
            var ub = lb?.Utilisation;
            if (Math.Abs(fb - fa) >= MinShiftTonnes)
            {
                links.Add(new LinkFlowChange(key, fa, fb, ua, ub));
            }
            var overA = ua >= AtCapacityUtilisation;
            var overB = ub >= AtCapacityUtilisation;
            if (overB && !overA)
            {
                newBottlenecks.Add(key);
            }
            else if (overA && !overB)
            {
                relieved.Add(key);
            }
        }
        links.Sort((x, y) => Math.Abs(y.FlowB - y.FlowA).CompareTo(Math.Abs(x.FlowB - x.FlowA)));
        var corridors = new List<CorridorFlowChange>();
        var ca = a.Corridors.ToDictionary(c => c.Corridor, c => c.TonneKm);
        var cb = b.Corridors.ToDictionary(c => c.Corridor, c => c.TonneKm);
        foreach (var c in ca.Keys.Union(cb.Keys).OrderBy(c => c, StringComparer.Ordinal))
        {
            corridors.Add(new CorridorFlowChange(c, ca.GetValueOrDefault(c), cb.GetValueOrDefault(c)));
        }
        corridors.Sort((x, y) => Math.Abs(y.FlowB - y.FlowA).CompareTo(Math.Abs(x.FlowB - x.FlowA)));
        newBottlenecks.Sort(StringComparer.Ordinal);
        relieved.Sort(StringComparer.Ordinal);
        return new AssignmentComparison(links, corridors, newBottlenecks, relieved, unservedA ?? [], unservedB ?? []);
    }
}
