using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Caravan.Cli.Json;
using Caravan.Services;
using Caravan.Store;

namespace Caravan.Cli;

/// <summary>
/// Writes a saved run with every row (<c>caravan runs export</c>) in the shape of the engine's
/// <see cref="RunDocument"/> (the one <c>runs show --json</c> and <c>GET /api/runs/{id}</c> answer with their first
/// rows), streaming the rows: a run may hold millions.
/// </summary>
internal static class RunJson
{
    public static void Write(Stream stream, RunInfo run, IEnumerable<RunResultRow> results)
    {
        var options = CliJson.Indented;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = options.Encoder });
        w.WriteStartObject();
        w.WritePropertyName("run");
        JsonSerializer.Serialize(w, RunInfoDocument.Of(run), (JsonTypeInfo<RunInfoDocument>)options.GetTypeInfo(typeof(RunInfoDocument)));
        w.WriteStartArray("results");
        var row = (JsonTypeInfo<RunResultDocument>)options.GetTypeInfo(typeof(RunResultDocument));
        foreach (var r in results)
        {
            JsonSerializer.Serialize(w, RunResultDocument.Of(r), row);
            if (w.BytesPending > 1 << 16)
            {
                w.Flush();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
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
