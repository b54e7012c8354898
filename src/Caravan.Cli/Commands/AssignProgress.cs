using System.Diagnostics;
using System.Globalization;
using Caravan.Assignment;

namespace Caravan.Cli.Commands;

/// <summary>
/// The live progress line on stderr. On a terminal it refreshes in place with a carriage return; when stderr is
/// redirected it writes whole lines, at most a few per second, so logs stay readable.
/// </summary>
internal sealed class AssignProgress(TextWriter error, bool isTerminal)
{
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private IterationReport? _pending;
    private bool _wroteInPlace;

    public void Report(IterationReport report)
    {
        _pending = report;
        var interval = isTerminal ? 0.05 : 0.5;
        if (report.Iteration > 1 && _sinceLast.Elapsed.TotalSeconds < interval)
        {
            return;
        }
        Write(report);
    }

    /// <summary>Flushes the last iteration and ends the in-place line.</summary>
    public void Finish()
    {
        if (_pending is IterationReport last)
        {
            Write(last);
        }
        if (_wroteInPlace)
        {
            error.WriteLine();
            _wroteInPlace = false;
        }
    }

    private void Write(IterationReport r)
    {
        _pending = null;
        _sinceLast.Restart();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"iteration {r.Iteration,6}  relative gap {r.RelativeGap,10:E3}  objective {r.Objective,20:F6}  elapsed {r.Elapsed.TotalSeconds,8:F3} s");
        if (isTerminal)
        {
            error.Write('\r' + line);
            _wroteInPlace = true;
        }
        else
        {
            error.WriteLine(line);
        }
    }
}
