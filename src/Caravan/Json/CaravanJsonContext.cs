using System.Text.Json;
using System.Text.Json.Serialization;
using Caravan.Batch;
using Caravan.Comparison;
using Caravan.Export;
using Caravan.Geography;
using Caravan.Services;
using Caravan.Skims;

namespace Caravan.Json;

/// <summary>
/// System.Text.Json source generation for the engine's documents (top folder: it names the documents of every
/// folder below, from Export's routes to Services' and Skims' answers), so they serialize without reflection (native AOT,
/// trimming). <see cref="JsonDefaults"/> resolves these types here first.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RouteResponse))]
[JsonSerializable(typeof(RouteDocument))]
[JsonSerializable(typeof(SkimDocument))]
[JsonSerializable(typeof(ReachDocument))]
[JsonSerializable(typeof(BatchResult))]
[JsonSerializable(typeof(IReadOnlyList<BatchResult>))]
[JsonSerializable(typeof(NearPlaceDocument[]))]
[JsonSerializable(typeof(ErrorDocument))]
// ErrorDocument.Suggestions holds these as object values: polymorphic, so they are named here.
[JsonSerializable(typeof(SuggestedPlace[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(ValidationDocument))]
[JsonSerializable(typeof(IReadOnlyList<PlaceHit>))]
[JsonSerializable(typeof(ComparisonResult))]
[JsonSerializable(typeof(ScenarioDetail))]
[JsonSerializable(typeof(IReadOnlyList<ScenarioSummary>))]
[JsonSerializable(typeof(Caravan.Services.FlowFeatureCollection))]
[JsonSerializable(typeof(IReadOnlyList<Caravan.Services.BottleneckSummary>))]
[JsonSerializable(typeof(Caravan.Services.FreightAssignmentDocument))]
[JsonSerializable(typeof(Caravan.Services.AssignmentProgress))]
[JsonSerializable(typeof(Caravan.Services.AssignmentDone))]
[JsonSerializable(typeof(Caravan.Services.RunInfoDocument[]))]
[JsonSerializable(typeof(Caravan.Services.RunDocument))]
[JsonSerializable(typeof(Caravan.Services.RunResultDocument))]
[JsonSerializable(typeof(Caravan.Services.FlowsDocument))]
[JsonSerializable(typeof(Caravan.Calibration.VolumeCalibrationDocument))]
[JsonSerializable(typeof(Caravan.Appraisal.RunRequest))]
[JsonSerializable(typeof(Caravan.Appraisal.RunResult))]
[JsonSerializable(typeof(Caravan.Appraisal.SweepOutcome))]
public sealed partial class CaravanJsonContext : JsonSerializerContext;
