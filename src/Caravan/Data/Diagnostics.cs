using System.Text;

namespace Caravan.Data;

/// <summary>How bad a diagnostic is: errors stop a load, warnings are reported and the load goes on.</summary>
public enum Severity
{
    /// <summary>The input cannot be used as it is.</summary>
    Error,
    /// <summary>Suspicious but usable (e.g. an implausible speed).</summary>
    Warning,
}

/// <summary>One problem found in an input: where it is (file, line, field) and what is wrong.</summary>
/// <param name="File">File name or path as the user gave it; empty for problems not tied to a file.</param>
/// <param name="Line">1-based line number, or 0 when the problem is about the whole file.</param>
/// <param name="Field">Column, header key or JSON path; empty when the whole row is wrong.</param>
/// <param name="Message">What is wrong, and where possible what would be right.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record Diagnostic(string File, int Line, string Field, string Message, Severity Severity = Severity.Error)
{
    /// <summary>Formats as <c>file:line: field: message</c>, the form compilers use so editors can jump to it.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(File);
        if (Line > 0)
        {
            sb.Append(':').Append(Line);
        }
        sb.Append(": ");
        if (Severity == Severity.Warning)
        {
            sb.Append("warning: ");
        }
        if (Field.Length > 0)
        {
            sb.Append(Field).Append(": ");
        }
        sb.Append(Message);
        return sb.ToString();
    }
}

/// <summary>Collects every diagnostic of a load, so the user sees all problems at once rather than one per run.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Upper bound on stored diagnostics; a hostile file cannot exhaust memory with millions of errors.</summary>
    public int Limit { get; init; } = 1000;

    /// <summary>Number of diagnostics dropped after <see cref="Limit"/> was reached (reported, never silently).</summary>
    public int Suppressed { get; private set; }

    /// <summary>All diagnostics collected so far.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True when at least one error (not warning) was collected.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Adds an error.</summary>
    public void Error(string file, int line, string field, string message) => Add(new Diagnostic(file, line, field, message));

    /// <summary>Adds a warning.</summary>
    public void Warning(string file, int line, string field, string message) => Add(new Diagnostic(file, line, field, message, Severity.Warning));

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == Severity.Error)
        {
            HasErrors = true;
        }
        if (_items.Count >= Limit)
        {
            Suppressed++;
            return;
        }
        _items.Add(diagnostic);
    }

    /// <summary>Adds all diagnostics of another bag.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Throws <see cref="CaravanDataException"/> with every diagnostic when any error was collected.</summary>
    public void ThrowIfErrors(string what)
    {
        if (HasErrors)
        {
            throw new CaravanDataException(what, Snapshot());
        }
    }

    /// <summary>The diagnostics, plus one line saying how many were suppressed if the limit was hit.</summary>
    public IReadOnlyList<Diagnostic> Snapshot()
    {
        if (Suppressed == 0)
        {
            return [.. _items];
        }
        return [.. _items, new Diagnostic("", 0, "", $"{Suppressed} more diagnostics not shown", Severity.Error)];
    }
}

/// <summary>An input could not be loaded; carries every diagnostic found.</summary>
public sealed class CaravanDataException : Exception
{
    /// <summary>Creates the exception from what was being loaded and the diagnostics.</summary>
    public CaravanDataException(string what, IReadOnlyList<Diagnostic> diagnostics)
        : base(FormatMessage(what, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string FormatMessage(string what, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity == Severity.Error)
            {
                errors++;
            }
        }
        var first = diagnostics.Count > 0 ? ": " + diagnostics[0] : "";
        return $"{what}: {errors} error(s){first}";
    }
}
