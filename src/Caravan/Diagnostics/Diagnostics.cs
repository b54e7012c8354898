using System.Collections;
using System.Text;

namespace Caravan.Diagnostics;

/// <summary>How bad a diagnostic is: errors stop a load, warnings are reported and the load goes on.</summary>
public enum Severity
{
    /// <summary>The input cannot be used as it is.</summary>
    Error,
    /// <summary>Suspicious but usable (e.g. an implausible speed).</summary>
    Warning,
}

/// <summary>One problem found in an input, located precisely enough to fix it by hand.</summary>
/// <param name="File">File name or path as the user gave it (or a logical name such as "stdin").</param>
/// <param name="Line">1-based line number, or 0 when the problem is about the whole file.</param>
/// <param name="Field">Column, header key, metadata tag or JSON path; empty when the whole row is wrong.</param>
/// <param name="Message">What is wrong, and where possible what would be right.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record Diagnostic(string File, int Line, string Field, string Message, Severity Severity = Severity.Error)
{
    /// <summary>1-based column (UTF-8 byte in the line) where the problem starts, or 0 when not known (CSV rows, whole files).</summary>
    public int Column { get; init; }

    /// <summary>Longest message kept; longer ones are cut (a diagnostic quotes input, and input can be huge).</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>Longest field name or file name kept.</summary>
    public const int MaxNameLength = 256;

    /// <summary>
    /// A length of at most <paramref name="length"/> at which <paramref name="text"/> can be cut without splitting a
    /// surrogate pair, so cut text is still valid UTF-16 (and encodes to JSON or UTF-8).
    /// </summary>
    public static int CutAt(string text, int length)
    {
        if (length >= text.Length)
        {
            return text.Length;
        }
        return length > 0 && char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length]) ? length - 1 : length;
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="max"/> characters, marked with "…" when cut.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, CutAt(text, max - 1)), "…");

    /// <summary>This diagnostic with every text part within its length limit.</summary>
    public Diagnostic Capped() =>
        File.Length <= MaxNameLength && Field.Length <= MaxNameLength && Message.Length <= MaxMessageLength
            ? this
            : this with { File = Cut(File, MaxNameLength), Field = Cut(Field, MaxNameLength), Message = Cut(Message, MaxMessageLength) };

    /// <summary>Formats as <c>file:line: field: message</c>, the form compilers use so editors can jump to it.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(File);
        if (Line > 0)
        {
            sb.Append(':').Append(Line);
            if (Column > 0)
            {
                sb.Append(':').Append(Column);
            }
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

/// <summary>
/// Collects every problem of a read instead of stopping at the first, so a user fixes a file in one pass.
/// Bounded: after <see cref="Limit"/> entries further ones are counted but not stored, so a huge garbage file
/// cannot exhaust memory; the count of the rest is always reported.
/// </summary>
public sealed class DiagnosticBag : IReadOnlyList<Diagnostic>
{
    /// <summary>Default maximum number of diagnostics stored.</summary>
    public const int MaxDiagnostics = 1000;

    private readonly List<Diagnostic> _items = [];
    private string? _firstSuppressedFile;

    /// <summary>Maximum number of diagnostics stored; the rest are only counted.</summary>
    public int Limit { get; init; } = MaxDiagnostics;

    /// <summary>Number of problems reported (errors and warnings), including those beyond <see cref="Limit"/>.</summary>
    public int TotalReported { get; private set; }

    /// <summary>Number of diagnostics counted but not stored.</summary>
    public int Suppressed => TotalReported - _items.Count;

    /// <summary>True when at least one error (not a warning) was reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>All stored diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public Diagnostic this[int index] => _items[index];

    /// <summary>Records an error.</summary>
    public void Add(string file, int line, string field, string message) => Add(new Diagnostic(file, line, field, message));

    /// <summary>Records an error.</summary>
    public void Error(string file, int line, string field, string message) => Add(new Diagnostic(file, line, field, message));

    /// <summary>Records a warning.</summary>
    public void Warning(string file, int line, string field, string message) => Add(new Diagnostic(file, line, field, message, Severity.Warning));

    /// <summary>Records a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        TotalReported++;
        if (diagnostic.Severity == Severity.Error)
        {
            HasErrors = true;
        }
        if (_items.Count < Limit)
        {
            _items.Add(diagnostic.Capped());
        }
        else if (_firstSuppressedFile is null)
        {
            _firstSuppressedFile = Diagnostic.Cut(diagnostic.File, Diagnostic.MaxNameLength);
        }
    }

    /// <summary>Records every diagnostic of a list.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Throws a <see cref="CaravanDataException"/> carrying every diagnostic, if any error was reported.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new CaravanDataException(Snapshot(), TotalReported);
        }
    }

    /// <summary>Throws a <see cref="CaravanDataException"/> naming what was being read, if any error was reported.</summary>
    public void ThrowIfErrors(string what)
    {
        if (HasErrors)
        {
            throw new CaravanDataException(what, Snapshot());
        }
    }

    /// <summary>The diagnostics, plus one line saying how many were not stored if the limit was hit.</summary>
    public IReadOnlyList<Diagnostic> Snapshot()
    {
        if (Suppressed == 0)
        {
            return [.. _items];
        }
        return [.. _items, new Diagnostic(_firstSuppressedFile ?? "", 0, "", $"{Suppressed} more diagnostics not shown", HasErrors ? Severity.Error : Severity.Warning)];
    }

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>An input could not be loaded; carries every diagnostic found.</summary>
public sealed class CaravanDataException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public CaravanDataException(IReadOnlyList<Diagnostic> diagnostics, int totalReported = -1)
        : this("problems in input data", diagnostics, totalReported)
    {
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public CaravanDataException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    /// <summary>Creates the exception from what was being loaded and the diagnostics.</summary>
    public CaravanDataException(string what, IReadOnlyList<Diagnostic> diagnostics, int totalReported = -1)
        : base(BuildMessage(what, diagnostics, totalReported < 0 ? diagnostics.Count : totalReported))
    {
        Diagnostics = [.. diagnostics.Select(d => d.Capped())];
        TotalReported = totalReported < 0 ? diagnostics.Count : totalReported;
    }

    /// <summary>The problems found (at most <see cref="DiagnosticBag.Limit"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>How many problems were found in total, including any not stored.</summary>
    public int TotalReported { get; }

    private static string BuildMessage(string what, IReadOnlyList<Diagnostic> diagnostics, int total)
    {
        var errors = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity == Severity.Error)
            {
                errors++;
            }
        }
        var text = new StringBuilder();
        text.Append(what).Append(": ").Append(errors == 1 ? "1 problem" : $"{Math.Max(errors, total == diagnostics.Count ? errors : total)} problems");
        var shown = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity != Severity.Error)
            {
                continue;
            }
            if (shown++ == 20)
            {
                break;
            }
            text.Append('\n').Append(d);
        }
        if (errors > 20)
        {
            text.Append($"\n... and {errors - 20} more");
        }
        return text.ToString();
    }
}
