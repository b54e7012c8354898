using System.Globalization;

namespace Caravan.Skims;

/// <summary>What a reach budget limits.</summary>
public enum BudgetKind : byte
{
    /// <summary>Expected door-to-door hours.</summary>
    Hours,
    /// <summary>Price per unit, USD.</summary>
    CostUsd,
    /// <summary>CO2e per unit, kg.</summary>
    Co2eKg,
}

/// <summary>A reach budget: <c>10d</c>, <c>240h</c>, <c>5000usd</c> or <c>3000kg</c> (CO2e).</summary>
/// <param name="Kind">What it limits.</param>
/// <param name="Limit">The limit, in hours, USD or kg.</param>
public readonly record struct ReachBudget(BudgetKind Kind, double Limit)
{
    /// <summary>Largest budget accepted: a year of transit, or ten million USD or kg.</summary>
    public const double MaxHours = 24 * 365, MaxAmount = 1e7;

    /// <summary>Parses a budget; the error says what is expected.</summary>
    public static bool TryParse(string? text, out ReachBudget budget, out string error)
    {
        budget = default;
        error = "expected a number with a unit: 10d (days), 240h (hours), 5000usd or 3000kg (CO2e)";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }
        var t = text.Trim().ToLowerInvariant();
        (string Suffix, BudgetKind Kind, double Factor)[] units = [("usd", BudgetKind.CostUsd, 1), ("kg", BudgetKind.Co2eKg, 1), ("d", BudgetKind.Hours, 24), ("h", BudgetKind.Hours, 1)];
        foreach (var (suffix, kind, factor) in units)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }
            if (!double.TryParse(t[..^suffix.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                return false;
            }
            if (v <= 0)
            {
                // A number with its unit, but nothing is reachable within nothing: say so, not "expected a number".
                error = $"must be more than 0{suffix} (a budget of {text.Trim()} reaches nothing)";
                return false;
            }
            var limit = v * factor;
            var max = kind == BudgetKind.Hours ? MaxHours : MaxAmount;
            if (limit > max)
            {
                error = $"at most {(kind == BudgetKind.Hours ? "365d" : max.ToString("0", CultureInfo.InvariantCulture) + suffix)}";
                return false;
            }
            budget = new ReachBudget(kind, limit);
            return true;
        }
        return false;
    }

    /// <summary>The budget as written back: <c>240h</c>, <c>5000usd</c>, <c>3000kg</c>.</summary>
    public override string ToString() => Kind switch
    {
        BudgetKind.Hours => Limit.ToString("0.##", CultureInfo.InvariantCulture) + "h",
        BudgetKind.CostUsd => Limit.ToString("0.##", CultureInfo.InvariantCulture) + "usd",
        _ => Limit.ToString("0.##", CultureInfo.InvariantCulture) + "kg",
    };
}
