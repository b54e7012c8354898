namespace Caravan.Appraisal;

/// <summary>
/// Drives a sweep: chooses portfolios by the spec's strategy, runs every portfolio × future × year once per content
/// hash (the store's finished runs are skipped), then appraises. Deterministic: the outcome depends only on the spec,
/// the data and the model, not on the executor, the order runs finish in or how many silos ran them.
/// </summary>
public static class SweepRunner
{
    /// <summary>The label of the empty portfolio.</summary>
    public const string DoNothing = "do-nothing";

    /// <summary>Runs and appraises a sweep.</summary>
    public static async Task<SweepOutcome> RunAsync(SweepPlanner planner, IRunExecutor executor, ISweepRunCache? cache, IProgress<SweepProgress>? progress, CancellationToken cancellation = default)
    {
        var spec = planner.Spec;
        var state = new State(planner, executor, cache, progress);
        var n = spec.Projects.Count;
        var full = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
        List<ulong> portfolios;
        switch (spec.Strategy.Kind)
        {
            case PortfolioStrategyKind.All:
                portfolios = [];
                for (ulong m = 0; m <= full; m++)
                {
                    portfolios.Add(m);
                }
                await state.EvaluateAsync(portfolios, cancellation).ConfigureAwait(false);
                break;
            case PortfolioStrategyKind.Sample:
                portfolios = Sample(n, spec.Strategy.Count, spec.Strategy.Seed);
                await state.EvaluateAsync(portfolios, cancellation).ConfigureAwait(false);
                break;
            default:
                portfolios = await GreedyAsync(state, n, cancellation).ConfigureAwait(false);
                break;
        }
        return SweepAppraisal.Appraise(spec, portfolios, state.ResultOf, state.Runs, state.Computed, state.Skipped);
    }

    /// <summary>Do-nothing, everything, each project alone, then <paramref name="count"/> further distinct subsets drawn with the seed.</summary>
    public static List<ulong> Sample(int projects, int count, ulong seed)
    {
        var full = projects == 64 ? ulong.MaxValue : (1UL << projects) - 1;
        var set = new HashSet<ulong> { 0, full };
        var list = new List<ulong> { 0 };
        for (var i = 0; i < projects; i++)
        {
            if (set.Add(1UL << i))
            {
                list.Add(1UL << i);
            }
        }
        if (full != 0)
        {
            list.Add(full);
        }
        var random = new SplitMix64(seed);
        var distinct = projects >= 63 ? long.MaxValue : (1L << projects) - set.Count;
        var wanted = Math.Min(count, distinct);
        for (var attempts = 0; wanted > 0 && attempts < 100 * count; attempts++)
        {
            var m = random.Next() & full;
            if (set.Add(m))
            {
                list.Add(m);
                wanted--;
            }
        }
        return list;
    }

    private static async Task<List<ulong>> GreedyAsync(State state, int n, CancellationToken cancellation)
    {
        var visited = new List<ulong> { 0 };
        await state.EvaluateAsync(visited, cancellation).ConfigureAwait(false);
        ulong current = 0;
        var currentNpv = state.ExpectedNpv(current);
        while (true)
        {
            var candidates = new List<ulong>();
            for (var i = 0; i < n; i++)
            {
                if ((current & (1UL << i)) == 0)
                {
                    candidates.Add(current | (1UL << i));
                }
            }
            if (candidates.Count == 0)
            {
                break;
            }
            visited.AddRange(candidates);
            await state.EvaluateAsync(candidates, cancellation).ConfigureAwait(false);
            var best = candidates.OrderByDescending(state.ExpectedNpv).ThenBy(c => c).First();
            var npv = state.ExpectedNpv(best);
            if (npv <= currentNpv)
            {
                break;
            }
            (current, currentNpv) = (best, npv);
        }
        return visited;
    }

    private sealed class State(SweepPlanner planner, IRunExecutor executor, ISweepRunCache? cache, IProgress<SweepProgress>? progress)
    {
        private readonly Dictionary<string, RunResult> _results = new(StringComparer.Ordinal);
        private readonly Dictionary<(ulong, int, int), string> _keys = [];
        private readonly Lock _lock = new();
        private int _done;
        private int _total;

        public int Runs => _results.Count;

        public int Computed { get; private set; }

        public int Skipped { get; private set; }

        public RunResult ResultOf(ulong portfolio, int future, int year) => _results[_keys[(portfolio, future, year)]];

        public double ExpectedNpv(ulong portfolio) => SweepAppraisal.ExpectedNpv(planner.Spec, portfolio, ResultOf);

        public async Task EvaluateAsync(IReadOnlyList<ulong> portfolios, CancellationToken cancellation)
        {
            var spec = planner.Spec;
            var pending = new Dictionary<string, RunRequest>(StringComparer.Ordinal);
            foreach (var p in portfolios.Prepend(0UL).Distinct())
            {
                for (var f = 0; f < spec.Futures.Count; f++)
                {
                    foreach (var year in spec.Years)
                    {
                        if (_keys.ContainsKey((p, f, year)))
                        {
                            continue;
                        }
                        var request = planner.Request(p, spec.Futures[f], year);
                        _keys[(p, f, year)] = request.Key;
                        if (!_results.ContainsKey(request.Key))
                        {
                            pending.TryAdd(request.Key, request);
                        }
                    }
                }
            }
            _total += pending.Count;
            var toRun = new List<RunRequest>();
            // Grouped by network, so a silo's network cache serves a network's runs together.
            foreach (var request in pending.Values.OrderBy(r => r.NetworkHash, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
            {
                if (cache?.Find(request.Key) is { } stored)
                {
                    _results[request.Key] = stored;
                    Skipped++;
                    _done++;
                }
                else
                {
                    toRun.Add(request);
                }
            }
            progress?.Report(new SweepProgress(_done, _total, Skipped));
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, executor.Concurrency), CancellationToken = cancellation };
            await Parallel.ForEachAsync(toRun, options, async (request, ct) =>
            {
                var result = await executor.RunAsync(request, ct).ConfigureAwait(false);
                if (result.Key != request.Key)
                {
                    throw new InvalidOperationException($"run {request.Key} answered for {result.Key}");
                }
                cache?.Save(request, result);
                lock (_lock)
                {
                    _results[request.Key] = result;
                    Computed++;
                    _done++;
                    progress?.Report(new SweepProgress(_done, _total, Skipped));
                }
            }).ConfigureAwait(false);
        }
    }
}
