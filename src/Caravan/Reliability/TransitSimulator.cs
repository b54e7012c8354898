using System.Runtime.Intrinsics;
using Caravan.Collections;
using Caravan.Routing;

namespace Caravan.Reliability;

/// <summary>
/// Monte Carlo of a route's door-to-door time. Moves take their time; border and transfer dwell is drawn from its
/// log-normal; a scheduled service is caught at the real next departure of its weekly timetable when a departure
/// time is given and the data has one, else after a wait uniform over the headway.
/// Fixed seed and sample count, so results repeat.
/// </summary>
public static class TransitSimulator
{
    /// <summary>Simulates an itinerary; <paramref name="depart"/> (UTC) enables timetables.</summary>
    public static TransitTimeDistribution Simulate(Itinerary itinerary, RoutingGraph graph, DateTimeOffset? depart = null)
    {
        var net = graph.Network;
        var legs = itinerary.Legs;
        var plan = new LegModel[legs.Count];
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            plan[i] = leg.Kind switch
            {
                LegKind.Wait => new LegModel(0, default, 2 * leg.Hours, Timetable(net, graph.Ref[leg.Edge], graph.IsForward(leg.Edge))),
                LegKind.Border or LegKind.Transfer => new LegModel(
                    leg.Hours - graph.DwellHours[leg.Edge],
                    new LogNormalDwell(graph.DwellHours[leg.Edge], Math.Max(graph.DwellHours[leg.Edge], graph.DwellP90Hours[leg.Edge])),
                    0,
                    null),
                // A move over a link with a dwell of its own (a sea leg's port calls) varies like a border.
                _ when leg.Edge >= 0 && graph.DwellHours[leg.Edge] > 0 => new LegModel(
                    leg.Hours - graph.DwellHours[leg.Edge],
                    new LogNormalDwell(graph.DwellHours[leg.Edge], Math.Max(graph.DwellHours[leg.Edge], graph.DwellP90Hours[leg.Edge])),
                    0,
                    null),
                _ => new LegModel(leg.Hours, default, 0, null),
            };
        }
        var n = TransitTimeDistribution.SampleCount;
        var uniforms = RandomTables.Uniforms;
        var startHourOfWeek = depart is { } d ? HourOfWeek(d) : 0;
        // Leg by leg over all samples: each sample still adds its legs in order, so every sample is the same number
        // as sample by sample, but a leg's draws are read contiguously and the constant legs vectorise.
        var times = Workspace.Value!;
        Array.Clear(times);
        for (var j = 0; j < plan.Length; j++)
        {
            var m = plan[j];
            // Leg j of every sample draws from its own column of the tables: common random numbers across options,
            // so two routes sharing a border see the same luck there, and comparisons are not noise.
            var column = (j % RandomTables.Columns) * n;
            // Four samples at a time: lane by lane the same additions as one by one.
            var fixedHours = Vector256.Create(m.FixedHours);
            var all = times.AsSpan(0, n);
            for (var s = 0; s + 4 <= n; s += 4)
            {
                (Vector256.Create<double>(all[s..]) + fixedHours).CopyTo(all[s..]);
            }
            for (var s = n - (n % 4); s < n; s++)
            {
                times[s] += m.FixedHours;
            }
            if (m.Dwell.MedianHours > 0)
            {
                // LogNormalDwell.Sample (median × e^(σ·z)) with e^(σ·z) of the leg's column kept per σ: the same
                // factors, so the same products, and a border's exponentials are not computed again per option.
                var median = Vector256.Create(m.Dwell.MedianHours);
                var factors = DwellFactors(column, m.Dwell.Sigma).AsSpan();
                for (var s = 0; s + 4 <= n; s += 4)
                {
                    (Vector256.Create<double>(all[s..]) + (median * Vector256.Create<double>(factors[s..]))).CopyTo(all[s..]);
                }
                for (var s = n - (n % 4); s < n; s++)
                {
                    times[s] += m.Dwell.MedianHours * factors[s];
                }
            }
            if (m.HeadwayHours > 0)
            {
                if (depart is not null && m.TimetableHours is { Length: > 0 } table)
                {
                    for (var s = 0; s < n; s++)
                    {
                        times[s] += WaitForNext(table, startHourOfWeek + times[s]);
                    }
                }
                else
                {
                    var headway = Vector256.Create(m.HeadwayHours);
                    var draws = uniforms.AsSpan(column, n);
                    for (var s = 0; s + 4 <= n; s += 4)
                    {
                        (Vector256.Create<double>(all[s..]) + (Vector256.Create<double>(draws[s..]) * headway)).CopyTo(all[s..]);
                    }
                    for (var s = n - (n % 4); s < n; s++)
                    {
                        times[s] += draws[s] * m.HeadwayHours;
                    }
                }
            }
        }
        var samples = new double[n];
        var sum = 0.0;
        for (var s = 0; s < n; s++)
        {
            samples[s] = times[s];
            sum += times[s];
        }
        RadixSort.Sort(samples, times);
        return new TransitTimeDistribution(Quantile(samples, 0.5), Quantile(samples, 0.9), sum / n, samples);
    }

    /// <summary>Hours from Monday 00:00 UTC of the week containing the instant.</summary>
    public static double HourOfWeek(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var day = ((int)utc.DayOfWeek + 6) % 7;
        return (day * 24) + utc.TimeOfDay.TotalHours;
    }

    /// <summary>Hours to wait from an hour-of-week (may exceed 168) to the next departure of a sorted weekly table.</summary>
    public static double WaitForNext(double[] sortedHoursOfWeek, double hourOfWeek)
    {
        var h = hourOfWeek % 168.0;
        foreach (var dep in sortedHoursOfWeek)
        {
            if (dep >= h - 1e-9)
            {
                return Math.Max(0, dep - h);
            }
        }
        return (168.0 - h) + sortedHoursOfWeek[0];
    }

    /// <summary>The sorted weekly departure hours of the timetabled services boarded on a link; null when none has one.</summary>
    public static double[]? Timetable(Model.Network network, int link, bool forward)
    {
        List<double>? hours = null;
        foreach (var s in network.BoardingServices(link, forward))
        {
            foreach (var d in s.Timetable)
            {
                (hours ??= []).Add(d.HourOfWeek);
            }
        }
        if (hours is null)
        {
            return null;
        }
        hours.Sort();
        return [.. hours];
    }

    /// <summary>
    /// Computes and keeps, before any query, the e^(σ·z) columns of every dwell spread of <paramref name="graph"/>,
    /// column by column (every route uses the first columns), up to the cache's bound. A long-running host (the
    /// server) calls it at start-up, so what the cache will hold is held from the start and memory does not grow
    /// with the queries; one-shot commands skip it and keep only the columns their own legs use.
    /// </summary>
    /// <returns>The number of columns kept after the call.</returns>
    public static int KeepDwellFactors(RoutingGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sigmas = new SortedSet<double>();
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            if (graph.DwellHours[e] > 0)
            {
                sigmas.Add(new LogNormalDwell(graph.DwellHours[e], Math.Max(graph.DwellHours[e], graph.DwellP90Hours[e])).Sigma);
            }
        }
        for (var c = 0; c < RandomTables.Columns; c++)
        {
            foreach (var sigma in sigmas)
            {
                _ = DwellFactors(c * TransitTimeDistribution.SampleCount, sigma);
            }
        }
        return KeptDwellFactorColumns;
    }

    /// <summary>How many e^(σ·z) columns are kept now (at most <see cref="MaxDwellFactorColumns"/>).</summary>
    public static int KeptDwellFactorColumns => Volatile.Read(ref _factorArrays);

    /// <summary>At most this many e^(σ·z) columns are kept: 32 MB, which holds the first 60 columns of each of the
    /// embedded network's 17 dwell spreads (17 × 64 is 1,088).</summary>
    public const int MaxDwellFactorColumns = 1024;

    /// <summary>
    /// e^(σ·z) over one column of normal draws, by (column, σ). A network has few distinct dwell spreads (17 on the
    /// embedded one) and a route few legs, so the kept arrays are few; past <see cref="MaxDwellFactorColumns"/> they
    /// are computed into the thread's own buffer and not kept, which bounds the memory (32 KB each) whatever the data
    /// and allocates nothing per query.
    /// </summary>
    private static double[] DwellFactors(int column, double sigma)
    {
        var key = (column, sigma);
        if (Factors.TryGetValue(key, out var kept))
        {
            return kept;
        }
        var n = TransitTimeDistribution.SampleCount;
        var keep = Volatile.Read(ref _factorArrays) < MaxDwellFactorColumns;
        var factors = keep ? new double[n] : FactorScratch.Value!;
        var draws = RandomTables.Normals.AsSpan(column, n);
        for (var s = 0; s < n; s++)
        {
            factors[s] = Math.Exp(sigma * draws[s]);
        }
        // ConcurrentDictionary.Count takes every lock; a counter of adds is enough for a bound.
        if (keep && Factors.TryAdd(key, factors))
        {
            Interlocked.Increment(ref _factorArrays);
        }
        return factors;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Column, double Sigma), double[]> Factors = new();

    private static int _factorArrays;

    /// <summary>Per-thread e^(σ·z) of a column not kept, allocated once per thread.</summary>
    private static readonly ThreadLocal<double[]> FactorScratch = new(() => new double[TransitTimeDistribution.SampleCount]);

    /// <summary>Per-thread running times of the samples, allocated once per thread.</summary>
    private static readonly ThreadLocal<double[]> Workspace = new(() => new double[TransitTimeDistribution.SampleCount]);

    private readonly record struct LegModel(double FixedHours, LogNormalDwell Dwell, double HeadwayHours, double[]? TimetableHours);

    private static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var i = (int)pos;
        var frac = pos - i;
        return i + 1 < sorted.Length ? sorted[i] + (frac * (sorted[i + 1] - sorted[i])) : sorted[i];
    }
}
