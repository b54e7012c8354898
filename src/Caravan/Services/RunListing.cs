using System.Globalization;

namespace Caravan.Services;

/// <summary>The one reading of a run-store listing's limit, for <c>caravan runs list --limit</c> and <c>GET /api/runs?limit=</c>.</summary>
public static class RunListing
{
    /// <summary>The number of runs to list: the default when <paramref name="text"/> is empty, else a whole number in range.</summary>
    /// <returns>Null, or the error naming the field <c>limit</c>.</returns>
    public static EngineError? Limit(string? text, EngineOptions options, out int limit)
    {
        limit = options.DefaultRunList;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 1 && limit <= options.MaxRunList)
        {
            return null;
        }
        limit = options.DefaultRunList;
        return EngineError.Invalid("limit", $"must be a whole number from 1 to {options.MaxRunList}, not '{Diagnostic.Cut(text, 41)}'");
    }
}
