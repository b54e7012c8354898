using Caravan.Model;

namespace Caravan.Data.Validation;

/// <summary>
/// Plausibility checks on a loaded network (the reader already checked types, ranges and references):
/// speeds per mode, links shorter than the great circle or far longer, missing gauge changes, transfers to modes
/// not served, places without links, and parts of the network cut off from the rest.
/// </summary>
public static class NetworkValidator
{
    /// <summary>Land links longer than this multiple of the great-circle distance are reported as warnings.</summary>
    public const double MaxDetourFactor = 3.0;

    /// <summary>A link may be at most this much shorter than the great circle (coordinates are rounded to the minute).</summary>
    public const double GreatCircleToleranceKm = 5.0;

    /// <summary>Checks a network; diagnostics point at the defining rows when locations are known.</summary>
    /// <param name="network">The network.</param>
    /// <param name="locations">Where each row was defined, for file:line.</param>
    /// <param name="scenario">True for a network an overlay made: closing links may strand places, so a place
    /// without links is a warning there (in the data folder itself it is an error).</param>
    public static IReadOnlyList<Diagnostic> Validate(Network network, RowLocations? locations = null, bool scenario = false)
    {
        var bag = new DiagnosticBag { Limit = 5000 };
        (string File, int Line) LinkAt(int i) => locations?.Links.GetValueOrDefault(i) ?? ("links.csv", 0);
        (string File, int Line) PlaceAt(int i) => locations?.Places.GetValueOrDefault(i) ?? ("places.csv", 0);
        (string File, int Line) TransferAt(int i) => locations?.Transfers.GetValueOrDefault(i) ?? ("transfers.csv", 0);

        var modesAt = new HashSet<Mode>[network.Places.Count];
        for (var p = 0; p < modesAt.Length; p++)
        {
            modesAt[p] = [];
        }
        for (var i = 0; i < network.Links.Count; i++)
        {
            var l = network.Links[i];
            modesAt[l.From].Add(l.Mode);
            modesAt[l.To].Add(l.Mode);
            var (file, line) = LinkAt(i);
            var a = network.Places[l.From];
            var b = network.Places[l.To];
            var gcd = GreatCircle.DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
            // A crossing may omit its length (0): it is a dwell between two stations, not a distance claim.
            if (!(l.IsCrossing && l.DistanceKm == 0) && l.DistanceKm + GreatCircleToleranceKm < gcd * 0.98)
            {
                bag.Error(file, line, "distance_km", $"{l.DistanceKm:0.#} km is shorter than the great-circle distance {gcd:0} km between {a.Code} and {b.Code}: check the distance or the coordinates");
            }
            else if (!l.IsCrossing && l.Mode is not (Mode.Sea or Mode.Air) && gcd > 50 && l.DistanceKm > gcd * MaxDetourFactor)
            {
                bag.Warning(file, line, "distance_km", $"{l.DistanceKm:0} km is {l.DistanceKm / gcd:0.0}× the great-circle distance {gcd:0} km");
            }
            var mp = network.ParametersOf(l.Mode);
            // A fixed time of 0 h over a positive distance is an infinite speed, not "use the mode's speed".
            var speed = l.FixedHours is { } h ? (h > 0 ? l.DistanceKm / h : double.PositiveInfinity) : l.SpeedKmh ?? mp.SpeedKmh;
            if (l.DistanceKm > 0 && (speed < mp.MinSpeedKmh || speed > mp.MaxSpeedKmh))
            {
                bag.Error(file, line, l.FixedHours is not null ? "hours" : "speed_kmh", $"implied speed {speed:0.#} km/h ({l.DistanceKm:0.#} km in {l.FixedHours?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} h) is outside the plausible range for {l.Mode} ({mp.MinSpeedKmh:0}–{mp.MaxSpeedKmh:0} km/h)");
            }
            if (l.IsCrossing && a.Country == b.Country)
            {
                bag.Error(file, line, "to", "a border crossing must join two countries");
            }
        }
        for (var t = 0; t < network.Transfers.Count; t++)
        {
            var tr = network.Transfers[t];
            var (file, line) = TransferAt(t);
            foreach (var m in new[] { tr.ModeA, tr.ModeB })
            {
                if (!modesAt[tr.Place].Contains(m))
                {
                    bag.Warning(file, line, "to_mode", $"no {m} link reaches {network.Places[tr.Place].Code}, so this transfer is never used");
                }
            }
        }
        CheckTransferTriangles(network, bag, TransferAt);
        var gaugeChange = new HashSet<int>();
        foreach (var tr in network.Transfers)
        {
            if (tr.IsGaugeChange)
            {
                gaugeChange.Add(tr.Place);
            }
        }
        for (var p = 0; p < network.Places.Count; p++)
        {
            var (file, line) = PlaceAt(p);
            if (modesAt[p].Count == 0)
            {
                if (scenario)
                {
                    bag.Warning(file, line, "code", $"{network.Places[p].Code} has no link in this scenario: it cannot be reached");
                }
                else
                {
                    bag.Error(file, line, "code", $"{network.Places[p].Code} has no link: it cannot be reached");
                }
                continue;
            }
            if (modesAt[p].Contains(Mode.Rail1435) && modesAt[p].Contains(Mode.Rail1520) && !gaugeChange.Contains(p))
            {
                bag.Error(file, line, "code", $"both gauges meet at {network.Places[p].Code} but transfers.csv has no gauge-change there");
            }
        }
        CheckConnectivity(network, bag, PlaceAt);
        return bag.Snapshot();
    }

    /// <summary>
    /// A transfer at a place must not take longer or cost more than two others chained through a third mode there:
    /// else a route would leave the mode, hop out and back, and re-enter it to skip the handling (the Małaszewicze
    /// rail → road → rail that beat the 72 h gauge change with two 6 h transfers).
    /// </summary>
    private static void CheckTransferTriangles(Network network, DiagnosticBag bag, Func<int, (string File, int Line)> transferAt)
    {
        var byPlace = new Dictionary<int, List<int>>();
        for (var t = 0; t < network.Transfers.Count; t++)
        {
            var list = byPlace.TryGetValue(network.Transfers[t].Place, out var l) ? l : byPlace[network.Transfers[t].Place] = [];
            list.Add(t);
        }
        foreach (var list in byPlace.Values)
        {
            foreach (var d in list)
            {
                var direct = network.Transfers[d];
                foreach (var x in list)
                {
                    foreach (var y in list)
                    {
                        var first = network.Transfers[x];
                        var second = network.Transfers[y];
                        if (x == d || y == d || x == y || !Chains(first, second, direct.ModeA, direct.ModeB, out var via))
                        {
                            continue;
                        }
                        var hours = first.MedianHours + second.MedianHours;
                        var cost = first.CostUsdPerFeu + second.CostUsdPerFeu;
                        if (hours < direct.MedianHours || cost < direct.CostUsdPerFeu)
                        {
                            var (file, line) = transferAt(d);
                            bag.Error(file, line, "median_hours", $"{direct.ModeA}→{direct.ModeB} at {network.Places[direct.Place].Code} ({direct.MedianHours:0.#} h, USD {direct.CostUsdPerFeu:0}/FEU) is beaten by {direct.ModeA}→{via}→{direct.ModeB} ({hours:0.#} h, USD {cost:0}): a route would skip it by a hop out and back");
                        }
                    }
                }
            }
        }
    }

    /// <summary>True when transfers <paramref name="x"/> then <paramref name="y"/> lead from mode a to mode b (either way round) through a third mode.</summary>
    private static bool Chains(Transfer x, Transfer y, Mode a, Mode b, out Mode via)
    {
        via = default;
        foreach (var (from, to) in new[] { (a, b), (b, a) })
        {
            if (Other(x, from) is { } m && m != to && Other(y, m) == to)
            {
                via = m;
                return true;
            }
        }
        return false;
    }

    private static Mode? Other(Transfer t, Mode m) => t.ModeA == m ? t.ModeB : t.ModeB == m ? t.ModeA : null;

    private static void CheckConnectivity(Network network, DiagnosticBag bag, Func<int, (string File, int Line)> placeAt)
    {
        // Undirected components over links and transfers: every place should belong to the largest one.
        var parent = new int[network.Places.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        foreach (var l in network.Links)
        {
            parent[Find(l.From)] = Find(l.To);
        }
        var size = new Dictionary<int, int>();
        for (var i = 0; i < parent.Length; i++)
        {
            var r = Find(i);
            size[r] = size.GetValueOrDefault(r) + 1;
        }
        if (size.Count <= 1)
        {
            return;
        }
        var main = size.MaxBy(kv => kv.Value).Key;
        for (var i = 0; i < parent.Length; i++)
        {
            var r = Find(i);
            if (r != main && size[r] > 0)
            {
                var (file, line) = placeAt(i);
                bag.Warning(file, line, "code", $"{network.Places[i].Code} is cut off from the main network (its part has {size[r]} place(s))");
            }
        }
    }
}
