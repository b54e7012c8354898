using System.Collections;

namespace Caravan.Data;

/// <summary>
/// One problem found in an input file, located precisely enough to fix it by hand.
/// </summary>
/// <param name="File">The file's path as the user gave it (or a logical name such as "stdin").</param>
/// <param name="Line">1-based line number; 0 when the problem concerns the whole file.</param>
/// <param name="Field">The field, column or metadata tag concerned, e.g. "capacity" or "&lt;NUMBER OF ZONES&gt;".</param>
/// <param name="Message">What is wrong, in words a data editor understands.</param>
public sealed record Diagnostic(string File, int Line, string Field, string Message)
{
    /// <summary>Formats as <c>file:line: field: message</c>, the form editors and CI logs recognise.</summary>
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>
/// Collects every problem of a read instead of stopping at the first, so a user fixes a file in one pass.
/// Bounded: after <see cref="MaxDiagnostics"/> entries further ones are counted but not stored, so a
/// huge garbage file cannot exhaust memory.
/// </summary>
public sealed class DiagnosticBag : IReadOnlyList<Diagnostic>
{
    /// <summary>Maximum number of diagnostics stored; the rest are only counted.</summary>
    public const int MaxDiagnostics = 1000;

    private readonly List<Diagnostic> _items = [];

    /// <summary>Number of problems reported, including those beyond <see cref="MaxDiagnostics"/>.</summary>
    public int TotalReported { get; private set; }

    /// <summary>True when at least one problem was reported.</summary>
    public bool HasErrors => TotalReported > 0;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public Diagnostic this[int index] => _items[index];

    /// <summary>Records a problem.</summary>
    public void Add(string file, int line, string field, string message) => Add(new Diagnostic(file, line, field, message));

    /// <summary>Records a problem.</summary>
    public void Add(Diagnostic diagnostic)
    {
        TotalReported++;
        if (_items.Count < MaxDiagnostics)
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>Throws a <see cref="CaravanDataException"/> carrying every diagnostic, if there is any.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new CaravanDataException(_items, TotalReported);
        }
    }

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Input data could not be read; <see cref="Diagnostics"/> lists every problem found, each with file, line and field.
/// </summary>
public sealed class CaravanDataException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public CaravanDataException(IReadOnlyList<Diagnostic> diagnostics, int totalReported = -1)
        : base(BuildMessage(diagnostics, totalReported < 0 ? diagnostics.Count : totalReported))
    {
        Diagnostics = diagnostics;
        TotalReported = totalReported < 0 ? diagnostics.Count : totalReported;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public CaravanDataException(Diagnostic diagnostic) : this([diagnostic])
    {
    }

    /// <summary>The problems found (at most <see cref="DiagnosticBag.MaxDiagnostics"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>How many problems were found in total, including any not stored.</summary>
    public int TotalReported { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics, int total)
    {
        var text = new System.Text.StringBuilder();
        text.Append(total == 1 ? "1 problem in input data:" : $"{total} problems in input data:");
        var shown = Math.Min(diagnostics.Count, 20);
        for (var i = 0; i < shown; i++)
        {
            text.Append('\n').Append(diagnostics[i]);
        }
        if (total > shown)
        {
            text.Append($"\n... and {total - shown} more");
        }
        return text.ToString();
    }
}
