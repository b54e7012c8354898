namespace Caravan.Assignment;

/// <summary>
/// The (class, origin) pairs that send demand, and a static round-robin split of them over workers.
/// Each item's work writes only its own result, and callers combine results in item order, so the outcome does
/// not depend on how items were split over threads.
/// </summary>
internal sealed class OriginWork
{
    public OriginWork(AssignmentProblem problem)
    {
        var classes = new List<int>();
        var origins = new List<int>();
        for (var c = 0; c < problem.Classes.Count; c++)
        {
            var od = problem.Classes[c].Demand;
            for (var o = 0; o < od.ZoneCount; o++)
            {
                if (od.HasDemandFrom(o))
                {
                    classes.Add(c);
                    origins.Add(o);
                }
            }
        }
        ClassOf = [.. classes];
        OriginOf = [.. origins];
    }

    /// <summary>Class position (in problem order) per work item.</summary>
    public int[] ClassOf { get; }
    /// <summary>Origin zone per work item.</summary>
    public int[] OriginOf { get; }
    /// <summary>Number of work items.</summary>
    public int Count => ClassOf.Length;

    /// <summary>Runs <paramref name="body"/>(worker, item) for every item, items split round-robin over <paramref name="workers"/> threads.</summary>
    public void Run(int workers, Action<int, int> body) => Run(workers, 0, Count, body);

    /// <summary>
    /// Runs <paramref name="body"/>(worker, item) for the items <paramref name="first"/> .. first + count − 1, split
    /// round-robin over <paramref name="workers"/> threads. Bodies must write only to their own item's state.
    /// </summary>
    public void Run(int workers, int first, int count, Action<int, int> body)
    {
        var end = first + count;
        workers = Math.Min(workers, count);
        if (workers <= 1)
        {
            for (var i = first; i < end; i++)
            {
                body(0, i);
            }
            return;
        }
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                for (var i = first + w; i < end; i += workers)
                {
                    body(w, i);
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Surface the worker's own exception (cancellation, data error) as the single-threaded path would.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
