using System.Globalization;
using System.Text.Json;
using Caravan.Store;

namespace Caravan.Cli;

/// <summary>Writes a saved run as one JSON document, streaming its rows (a run may hold millions).</summary>
internal static class RunJson
{
    /// <summary>
    /// One run: its record, then either all its <paramref name="results"/> (export) or the number of rows of each
    /// kind (<paramref name="resultsByKind"/>, for <c>runs show --json</c>), or neither (list).
    /// </summary>
    public static void WriteRun(Utf8JsonWriter w, RunInfo run, IEnumerable<RunResultRow>? results, IReadOnlyDictionary<string, int>? resultsByKind = null)
    {
        w.WriteStartObject();
        w.WriteNumber("id", run.Id);
        w.WriteString("kind", run.Kind.Name());
        w.WriteString("createdUtc", run.CreatedUtc.ToString("O", CultureInfo.InvariantCulture));
        w.WriteString("scenarioA", run.ScenarioA);
        w.WriteString("contentHashA", run.ContentHashA);
        if (run.ScenarioB is not null)
        {
            w.WriteString("scenarioB", run.ScenarioB);
            w.WriteString("contentHashB", run.ContentHashB);
        }
        w.WritePropertyName("parameters");
        w.WriteRawValue(run.ParametersJson);
        w.WritePropertyName("summary");
        w.WriteRawValue(run.SummaryJson);
        w.WriteNumber("resultCount", run.ResultCount);
        if (resultsByKind is not null)
        {
            w.WriteStartObject("resultsByKind");
            foreach (var (kind, count) in resultsByKind)
            {
                w.WriteNumber(kind, count);
            }
            w.WriteEndObject();
        }
        if (results is not null)
        {
            w.WriteStartArray("results");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("kind", r.Kind);
                w.WriteString("key", r.Key);
                w.WritePropertyName("data");
                w.WriteRawValue(r.DataJson);
                w.WriteEndObject();
                if (w.BytesPending > 1 << 16)
                {
                    w.Flush();
                }
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void Write(Stream stream, RunInfo run, IEnumerable<RunResultRow> results)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        WriteRun(w, run, results);
        w.Flush();
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then renames it over the target.</summary>
    public static void WriteFile(string path, RunInfo run, IEnumerable<RunResultRow> results)
    {
        Caravan.Data.AtomicFile.Write(path, stream =>
        {
            Write(stream, run, results);
            stream.Write("\n"u8);
        });
    }
}
