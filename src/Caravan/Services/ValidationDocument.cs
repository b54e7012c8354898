using Caravan.Model;

namespace Caravan.Services;

/// <summary>One diagnostic in a document.</summary>
/// <param name="File">File as given.</param>
/// <param name="Line">1-based line, 0 for the whole file.</param>
/// <param name="Field">Column, key or JSON path.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
public sealed record DiagnosticDocument(string File, int Line, string Field, string Message, string Severity);

/// <summary>What <c>caravan validate --json</c> prints: the verdict, the network's counts and every diagnostic.</summary>
/// <param name="Valid">True when there is no error.</param>
/// <param name="Errors">Number of errors.</param>
/// <param name="Warnings">Number of warnings.</param>
/// <param name="Places">Places read (0 when the network could not be built).</param>
/// <param name="Links">Links read, border crossings included.</param>
/// <param name="Transfers">Transfers read.</param>
/// <param name="Services">Services read.</param>
/// <param name="Sources">Sources read.</param>
/// <param name="ContentHash">The scenario's content hash, when one was applied.</param>
/// <param name="Diagnostics">Every diagnostic, errors and warnings.</param>
public sealed record ValidationDocument(
    bool Valid,
    int Errors,
    int Warnings,
    int Places,
    int Links,
    int Transfers,
    int Services,
    int Sources,
    string? ContentHash,
    IReadOnlyList<DiagnosticDocument> Diagnostics)
{
    /// <summary>Builds the document from a validation's outcome.</summary>
    public static ValidationDocument From(Network? network, IReadOnlyList<Diagnostic> diagnostics, string? contentHash)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        return new ValidationDocument(
            errors == 0 && network is not null,
            errors,
            diagnostics.Count - errors,
            network?.Places.Count ?? 0,
            network?.Links.Count ?? 0,
            network?.Transfers.Count ?? 0,
            network?.Services.Count ?? 0,
            network?.Sources.Count ?? 0,
            contentHash,
            diagnostics.Select(d => new DiagnosticDocument(d.File, d.Line, d.Field, d.Message, d.Severity == Severity.Error ? "error" : "warning")).ToList());
    }
}
