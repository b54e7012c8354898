using System.Text.Json.Serialization;
using NetTopologySuite.Features;

namespace Caravan.Export;

/// <summary>
/// Type information for GeoJSON output without reflection (native AOT): NetTopologySuite's converters write the
/// feature collection, and the attribute values they hand back to the serializer are these primitives.
/// </summary>
[JsonSerializable(typeof(FeatureCollection))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
internal sealed partial class GeoJsonContext : JsonSerializerContext;
