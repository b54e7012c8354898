using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Caravan.Comparison;
using Caravan.Export;

namespace Caravan.Cli.Json;

/// <summary>
/// The engine's JSON settings (<see cref="JsonDefaults"/>) extended with the CLI's own documents, so every
/// <c>--json</c> output serializes from source-generated metadata (native AOT) with the same settings.
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Indented { get; } = Extend(JsonDefaults.Indented);

    public static JsonSerializerOptions Compact { get; } = Extend(JsonDefaults.Compact);

    private static JsonSerializerOptions Extend(JsonSerializerOptions engine)
    {
        var o = new JsonSerializerOptions(engine) { TypeInfoResolver = JsonTypeInfoResolver.Combine(CliJsonContext.Default, engine.TypeInfoResolver) };
        o.MakeReadOnly();
        return o;
    }
}

/// <summary>Source-generated metadata for the CLI's documents; same naming and null handling as the engine's context.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CalibrationJson))]
[JsonSerializable(typeof(Commands.BatchLine))]
[JsonSerializable(typeof(ComparisonRunParameters))]
[JsonSerializable(typeof(ComparisonRunSummary))]
[JsonSerializable(typeof(OdComparison))]
[JsonSerializable(typeof(SkippedPair))]
[JsonSerializable(typeof(LinkFlowChange))]
[JsonSerializable(typeof(CorridorFlowChange))]
[JsonSerializable(typeof(RouteRunParameters))]
[JsonSerializable(typeof(RouteRunSummary))]
[JsonSerializable(typeof(LegDocument))]
[JsonSerializable(typeof(FreightRunParameters))]
[JsonSerializable(typeof(FreightRunSummary))]
[JsonSerializable(typeof(FreightRunLink))]
[JsonSerializable(typeof(FreightRunOd))]
[JsonSerializable(typeof(TntpRunParameters))]
[JsonSerializable(typeof(TntpRunSummary))]
[JsonSerializable(typeof(TntpRunLink))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
