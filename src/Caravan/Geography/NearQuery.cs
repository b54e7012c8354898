using System.Globalization;
using Caravan.Model;
using Caravan.Services;

namespace Caravan.Geography;

/// <summary>A parsed nearest-places query (lat, lon, optional mode and limit) or its errors; the CLI and API share it.</summary>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Mode">Mode filter.</param>
/// <param name="Limit">Most places.</param>
/// <param name="Errors">Problems, each naming its field.</param>
public sealed record NearQuery(double Lat, double Lon, Mode? Mode, int Limit, IReadOnlyList<EngineError> Errors)
{
    /// <summary>Parses the texts of a query.</summary>
    public static NearQuery Parse(string? lat, string? lon, string? mode, string? limit)
    {
        var errors = new List<EngineError>();
        var la = Number("lat", lat, -90, 90, errors);
        var lo = Number("lon", lon, -180, 180, errors);
        Mode? m = null;
        if (!string.IsNullOrWhiteSpace(mode))
        {
            if (Modes.TryParse(mode, out var parsed))
            {
                m = parsed;
            }
            else
            {
                errors.Add(EngineError.Invalid("mode", $"unknown mode '{(mode.Length > 40 ? mode[..40] + "…" : mode)}'; expected {string.Join(", ", Modes.All)}"));
            }
        }
        var n = NearestPlaces.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) || n < 1 || n > NearestPlaces.MaxLimit))
        {
            errors.Add(EngineError.Invalid("limit", $"must be a whole number from 1 to {NearestPlaces.MaxLimit}"));
        }
        return new NearQuery(la, lo, m, n, errors);
    }

    private static double Number(string field, string? text, double min, double max, List<EngineError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new EngineError(ErrorCode.MissingValue, field, $"is required: degrees from {min} to {max}"));
            return 0;
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
        {
            errors.Add(EngineError.Invalid(field, $"must be degrees from {min} to {max}, not '{(text.Length > 40 ? text[..40] + "…" : text)}'"));
            return 0;
        }
        return v;
    }
}
