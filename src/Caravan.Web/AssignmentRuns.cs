using Caravan.Assignment;
using Caravan.Data;
using Caravan.Freight;
using Caravan.Services;
using Microsoft.Extensions.Hosting;

namespace Caravan.Web;

/// <summary>One freight assignment started from the API: its progress as it solves, then its report.</summary>
public sealed class AssignmentRun
{
    private readonly object _gate = new();
    private readonly List<IterationReport> _progress = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal AssignmentRun(string id, string demand, string scenario, int year, DateTimeOffset started)
    {
        Started = started;
        Id = id;
        Demand = demand;
        Scenario = scenario;
        Year = year;
    }

    /// <summary>The run's id.</summary>
    public string Id { get; }

    /// <summary>The demand's name (a file of <c>&lt;data&gt;/demand</c>).</summary>
    public string Demand { get; }

    /// <summary>The scenario it runs on.</summary>
    public string Scenario { get; }

    /// <summary>Year of travel.</summary>
    public int Year { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>Its state.</summary>
    public AssignmentStatus Status { get; private set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; private set; }

    /// <summary>The report, once done.</summary>
    public FreightRun? Run { get; private set; }

    /// <summary>The iterations reported so far, from <paramref name="from"/> on, and whether the run has ended.</summary>
    public (IReadOnlyList<IterationReport> Progress, bool Ended, Task Changed) Since(int from)
    {
        lock (_gate)
        {
            return (_progress.Skip(from).ToList(), Status != AssignmentStatus.Running, _changed.Task);
        }
    }

    /// <summary>
    /// The run's document, the engine's <see cref="FreightAssignmentDocument"/> (the one <c>caravan assign --demand
    /// --json</c> prints), read under the run's lock so its state, report and progress agree.
    /// </summary>
    public FreightAssignmentDocument Document(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            IterationReport? last = _progress.Count > 0 ? _progress[^1] : null;
            return AssignmentService.Document(Header(), Run, last, options.DefaultBottlenecks);
        }
    }

    /// <summary>Who ran it on what, and its state now.</summary>
    public AssignmentRunHeader Header()
    {
        lock (_gate)
        {
            return new AssignmentRunHeader(Id, Demand, Scenario, Year, Status, Error, Started);
        }
    }

    internal void AddProgress(IterationReport report)
    {
        lock (_gate)
        {
            _progress.Add(report);
            Signal();
        }
    }

    internal void Finish(AssignmentStatus status, FreightRun? run, string? error)
    {
        lock (_gate)
        {
            Run = run;
            Error = error;
            Status = status;
            Signal();
        }
    }

    private void Signal()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }
}

/// <summary>
/// The assignment runs the server keeps in memory: at most one solving at a time, the last
/// <see cref="EngineOptions.MaxAssignmentRuns"/> kept; running ones are cancelled when the server stops.
/// </summary>
public sealed class AssignmentRuns : IDisposable
{
    private readonly object _gate = new();
    private readonly LinkedList<AssignmentRun> _runs = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _current = Task.CompletedTask;

    private readonly EngineOptions _engine;

    /// <summary>Creates the registry, cancelling runs when the host stops.</summary>
    public AssignmentRuns(IHostApplicationLifetime lifetime, CaravanWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(options);
        _engine = options.Engine;
        lifetime.ApplicationStopping.Register(Stop);
    }

    /// <summary>Runs kept (the engine's <see cref="EngineOptions.MaxAssignmentRuns"/>).</summary>
    public int MaxRuns => _engine.MaxAssignmentRuns;

    /// <summary>Called on the solver thread before a run reads its demand (for tests and instrumentation; null by default).</summary>
    public Action<CancellationToken>? BeforeSolve { get; set; }

    /// <summary>The run with this id, or null.</summary>
    public AssignmentRun? Get(string id)
    {
        lock (_gate)
        {
            return _runs.FirstOrDefault(r => r.Id == id);
        }
    }

    /// <summary>The runs kept, newest first.</summary>
    public IReadOnlyList<AssignmentRun> All()
    {
        lock (_gate)
        {
            return _runs.ToList();
        }
    }

    /// <summary>Starts a run on a background thread; null when one is still solving.</summary>
    public AssignmentRun? TryStart(string demandName, string demandPath, string parametersPath, NetworkContext network, int year)
    {
        AssignmentRun run;
        lock (_gate)
        {
            if (_runs.Any(r => r.Status == AssignmentStatus.Running) || _stopping.IsCancellationRequested)
            {
                return null;
            }
            run = new AssignmentRun(Guid.NewGuid().ToString("N")[..12], demandName, network.Name, year, _engine.Clock.GetUtcNow());
            _runs.AddFirst(run);
            while (_runs.Count > _engine.MaxAssignmentRuns)
            {
                _runs.RemoveLast();
            }
            var token = _stopping.Token;
            var before = BeforeSolve;
            var engine = _engine;
            _current = Task.Run(() => Solve(run, demandPath, parametersPath, network, year, engine, before, token));
        }
        return run;
    }

    private static void Solve(AssignmentRun run, string demandPath, string parametersPath, NetworkContext network, int year, EngineOptions engine, Action<CancellationToken>? before, CancellationToken token)
    {
        try
        {
            before?.Invoke(token);
            // The one freight model of every door (Services.AssignmentService).
            var choice = AssignmentService.ChoiceOptions(network.Routes.Options, year);
            var result = AssignmentService.Run(network.Network, demandPath, parametersPath, choice, network.Scenario is not null && network.Scenario.Chain.Count > 0, token, run.AddProgress);
            run.Finish(token.IsCancellationRequested ? AssignmentStatus.Cancelled : AssignmentStatus.Done, token.IsCancellationRequested ? null : result, null);
        }
        catch (OperationCanceledException)
        {
            run.Finish(AssignmentStatus.Cancelled, null, "the server stopped");
        }
        catch (CaravanDataException e)
        {
            run.Finish(AssignmentStatus.Failed, null, AssignmentService.FailureMessage(e.Diagnostics, engine));
        }
#pragma warning disable CA1031 // a run's failure is reported to its client, never thrown into the host
        catch (Exception)
        {
            run.Finish(AssignmentStatus.Failed, null, "the assignment failed");
        }
#pragma warning restore CA1031
    }

    private void Stop()
    {
        _stopping.Cancel();
        Task current;
        lock (_gate)
        {
            current = _current;
        }
        current.Wait(TimeSpan.FromSeconds(5));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
        _stopping.Dispose();
    }
}
