using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>One change of an overlay, with where it was written for diagnostics.</summary>
/// <param name="Index">0-based position in the overlay's <c>changes</c>.</param>
/// <param name="Operation">What it does.</param>
/// <param name="Target">What kind of element it works on.</param>
/// <param name="Where">Which elements; empty only for <c>open</c> with a year.</param>
/// <param name="Values">For <c>set</c>: attribute → value.</param>
/// <param name="Factors">For <c>scale</c>: attribute → factor.</param>
/// <param name="Items">For <c>add</c>: the new elements, in the CSV column names of data/README.md.</param>
/// <param name="OpenedByYear">For <c>open</c>: open every not-yet-operating link whose opening year is at most this.</param>
/// <param name="SourceIds">Source ids behind this change.</param>
/// <param name="Note">Why, for people; used in compare's explanations.</param>
/// <param name="File">Overlay file.</param>
/// <param name="Line">Line of the change.</param>
/// <param name="Path">JSON path of the change.</param>
public sealed record OverlayChange(
    int Index,
    OverlayOperation Operation,
    OverlayTargetKind Target,
    Selector Where,
    IReadOnlyList<AttributeValue> Values,
    IReadOnlyList<AttributeValue> Factors,
    IReadOnlyList<JNode> Items,
    int? OpenedByYear,
    IReadOnlyList<string> SourceIds,
    string Note,
    string File,
    int Line,
    string Path)
{
    /// <summary>A one-line description: the note when given, else what the change does, with its sources.</summary>
    public string Describe()
    {
        var what = Note.Length > 0 ? Note : Operation switch
        {
            OverlayOperation.Set => $"set {string.Join(", ", Values.Select(v => $"{v.Attribute}={v.Node.Text}"))} on {Target.ToString().ToLowerInvariant()} {Where}",
            OverlayOperation.Scale => $"scale {string.Join(", ", Factors.Select(v => $"{v.Attribute}×{v.Node.Text}"))} on {Target.ToString().ToLowerInvariant()} {Where}",
            OverlayOperation.Open => OpenedByYear is { } y ? $"open links due by {y}" : $"open {Where}",
            OverlayOperation.Close => $"close {Where}",
            OverlayOperation.Add => $"add {Items.Count} {Target.ToString().ToLowerInvariant()}",
            _ => $"remove {Target.ToString().ToLowerInvariant()} {Where}",
        };
        return SourceIds.Count > 0 ? $"{what} [{string.Join(", ", SourceIds)}]" : what;
    }
}

/// <summary>An attribute name with its JSON value (a value for <c>set</c>, a factor for <c>scale</c>).</summary>
/// <param name="Attribute">Attribute name, as the CSV column (<c>median_hours</c>).</param>
/// <param name="Node">The value as written.</param>
public sealed record AttributeValue(string Attribute, JNode Node);

/// <summary>A stated outcome of a scenario, e.g. "halve door-to-door hours on the middle corridor".</summary>
/// <param name="Metric">hours, cost_usd or co2e_kg.</param>
/// <param name="Factor">The target as a factor of the base value (0.5 = halve).</param>
/// <param name="Corridor">The corridor the target is about; empty for all routes.</param>
/// <param name="SourceIds">Where the target is stated.</param>
/// <param name="Note">For people.</param>
public sealed record OverlayTarget(string Metric, double Factor, string Corridor, IReadOnlyList<string> SourceIds, string Note);
