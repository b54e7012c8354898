namespace Caravan.Assignment;

/// <summary>
/// A fixed set of threads that run one body together, step by step: between steps every thread calls
/// <see cref="Sync"/>, and the step's closing action runs once, on the last thread to arrive, while the others wait.
/// The calling thread is thread 0. Between runs the other threads block; within a run they spin (yielding) at the
/// step boundaries, since steps last tens of microseconds and waking a blocked thread costs about as much.
/// </summary>
internal sealed class LaneCrew : IDisposable
{
    private readonly Action _stepAction;
    private readonly Barrier _start;
    private readonly Thread[] _threads;
    private Action<int, int>? _body;
    private bool _closing;
    private bool _stepsHaveAction;
    private int _arrived;
    private volatile int _generation;

    /// <param name="threads">Threads in the crew, the caller's included (at least 2).</param>
    /// <param name="stepAction">Runs once at the end of every step; it must not throw.</param>
    public LaneCrew(int threads, Action stepAction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 2);
        Threads = threads;
        _stepAction = stepAction;
        _start = new Barrier(threads);
        _threads = new Thread[threads - 1];
        for (var t = 1; t < threads; t++)
        {
            var index = t;
            _threads[t - 1] = new Thread(() => Work(index)) { IsBackground = true, Name = "Algorithm B lane " + t };
            _threads[t - 1].Start();
        }
    }

    /// <summary>Threads in the crew, the caller's included.</summary>
    public int Threads { get; }

    /// <summary>
    /// Runs <paramref name="body"/>(thread, threads) on every thread of the crew and returns when all are done. The
    /// body must not throw and must call <see cref="Sync"/> the same number of times on every thread.
    /// </summary>
    public void Run(Action<int, int> body)
    {
        _body = body;
        _stepsHaveAction = true;
        _start.SignalAndWait();
        body(0, Threads);
        // Every thread has passed the body's last step: the run's end is a step without an action.
        _stepsHaveAction = false;
        Sync();
        _body = null;
    }

    /// <summary>Waits until every thread has reached this step's end; the last to arrive runs the step action first.</summary>
    public void Sync()
    {
        var generation = _generation;
        if (Interlocked.Increment(ref _arrived) == Threads)
        {
            if (_stepsHaveAction)
            {
                _stepAction();
            }
            _arrived = 0;
            _generation = generation + 1; // Volatile write: publishes the action's writes to the waiting threads.
            return;
        }
        var spin = new SpinWait();
        while (_generation == generation)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void Work(int thread)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_closing)
            {
                return;
            }
            var body = _body!;
            body(thread, Threads);
            Sync();
        }
    }

    /// <summary>Stops and joins the threads.</summary>
    public void Dispose()
    {
        _closing = true;
        _start.SignalAndWait();
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        _start.Dispose();
    }
}
