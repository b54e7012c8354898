using System.Globalization;
using System.Text.Json;
using Caravan.Assignment;
using Caravan.Data.Tntp;

namespace Caravan.Cli.Commands;

/// <summary>The final summary of <c>caravan assign</c>, as text or JSON.</summary>
internal sealed record AssignReport(TntpDataset Data, string Algorithm, AssignmentOptions Options, AssignmentResult Result, SolutionComparison? Comparison)
{
    public void WriteText(TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"network        {Data.Name}: {Data.Network.ZoneCount} zones, {Data.Network.NodeCount} nodes, {Data.Network.LinkCount} links, total demand {Data.Trips.Total:F3}"));
        if (Data.DistanceFactor != 0 || Data.TollFactor != 0)
        {
            o.WriteLine(string.Create(c, $"cost weights   distance {Data.DistanceFactor:R} ({Data.DistanceFactorSource}), toll {Data.TollFactor:R} ({Data.TollFactorSource})"));
        }
        o.WriteLine(string.Create(c, $"algorithm      {Algorithm}, {Options.EffectiveThreads} thread(s), stopped: {Result.StopReason}"));
        o.WriteLine(string.Create(c, $"relative gap   {Result.RelativeGap:E4}"));
        o.WriteLine(string.Create(c, $"objective      {Result.Objective:F6}"));
        o.WriteLine(string.Create(c, $"TSTT           {Result.TotalSystemTravelTime:F6}"));
        o.WriteLine(string.Create(c, $"iterations     {Result.Iterations}"));
        o.WriteLine(string.Create(c, $"seconds        {Result.Elapsed.TotalSeconds:F3}"));
        if (Comparison is { } k)
        {
            o.WriteLine(string.Create(c, $"best known     TSTT {k.ReferenceTotalSystemTravelTime:F6} (its relative gap here {k.ReferenceRelativeGap:E2})"));
            o.WriteLine(string.Create(c, $"  rel. TSTT difference  {k.RelativeTstTDifference:E3}"));
            if (k.WorstLink >= 0)
            {
                o.WriteLine(string.Create(c, $"  worst link flow diff  {k.MaxAbsoluteFlowDifference:G6} on link {k.WorstLink + 1} ({Data.Network.Tail[k.WorstLink]} → {Data.Network.Head[k.WorstLink]}): {k.WorstLinkFlow:F6} vs {k.WorstLinkReferenceFlow:F6}"));
            }
        }
        if (Result.Proportionality is { } p)
        {
            o.WriteLine(string.Create(c, $"proportionality {p.PairCount} PASs, {p.SharedPairCount} used by ≥ 2 origins ({p.OriginPairCount} origin-PAS terms, flow {p.SharedFlow:F3})"));
            o.WriteLine(string.Create(c, $"  mean deviation        {p.MeanDeviation:E3} (flow-weighted |origin share − PAS share|; 0 = proportional)"));
            o.WriteLine(string.Create(c, $"  non-proportional flow {p.NonProportionalFlow:F3}"));
            if (p.Worst is { } w)
            {
                o.WriteLine(string.Create(c, $"  max deviation         {p.MaxDeviation:F6}: origin {w.Origin + 1} on PAS {w.DivergeNode + 1} → {w.MergeNode + 1} ({Segment(w.FirstSegment)} | {Segment(w.SecondSegment)}), share {w.OriginShare:F6} vs {w.PairShare:F6}, flow {w.OriginFlow:G6}"));
            }
        }
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("network", Data.Name);
            w.WriteString("algorithm", Algorithm);
            w.WriteNumber("threads", Options.EffectiveThreads);
            w.WriteString("stopReason", Result.StopReason.ToString());
            w.WriteBoolean("converged", Result.Converged);
            w.WriteNumber("relativeGap", Result.RelativeGap);
            w.WriteNumber("objective", Result.Objective);
            w.WriteNumber("totalSystemTravelTime", Result.TotalSystemTravelTime);
            w.WriteNumber("iterations", Result.Iterations);
            w.WriteNumber("seconds", Result.Elapsed.TotalSeconds);
            w.WriteNumber("distanceFactor", Data.DistanceFactor);
            w.WriteNumber("tollFactor", Data.TollFactor);
            if (Comparison is { } k)
            {
                w.WriteStartObject("bestKnown");
                w.WriteNumber("totalSystemTravelTime", k.ReferenceTotalSystemTravelTime);
                w.WriteNumber("relativeGap", k.ReferenceRelativeGap);
                w.WriteNumber("relativeTsttDifference", k.RelativeTstTDifference);
                w.WriteNumber("maxLinkFlowDifference", k.MaxAbsoluteFlowDifference);
                if (k.WorstLink >= 0)
                {
                    w.WriteNumber("worstLink", k.WorstLink + 1);
                    w.WriteNumber("worstLinkFrom", Data.Network.Tail[k.WorstLink]);
                    w.WriteNumber("worstLinkTo", Data.Network.Head[k.WorstLink]);
                }
                w.WriteEndObject();
            }
            if (Result.Proportionality is { } p)
            {
                WriteProportionality(w, p);
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Node ids along a segment, as the TNTP files number them (1-based).</summary>
    private string Segment(IReadOnlyList<int> links)
    {
        var nodes = new List<int>(links.Count + 1) { Data.Network.Tail[links[0]] };
        foreach (var a in links)
        {
            nodes.Add(Data.Network.Head[a]);
        }
        return string.Join('-', nodes);
    }

    private void WriteProportionality(Utf8JsonWriter w, ProportionalityReport p)
    {
        w.WriteStartObject("proportionality");
        w.WriteNumber("pairs", p.PairCount);
        w.WriteNumber("sharedPairs", p.SharedPairCount);
        w.WriteNumber("originPairTerms", p.OriginPairCount);
        w.WriteNumber("sharedFlow", p.SharedFlow);
        w.WriteNumber("nonProportionalFlow", p.NonProportionalFlow);
        w.WriteNumber("meanDeviation", p.MeanDeviation);
        w.WriteNumber("maxDeviation", p.MaxDeviation);
        w.WriteNumber("relativeFlowTolerance", RouteFlowProportionality.RelativeFlowTolerance);
        if (p.Worst is { } t)
        {
            w.WriteStartObject("worst");
            w.WriteNumber("origin", t.Origin + 1);
            w.WriteNumber("divergeNode", t.DivergeNode + 1);
            w.WriteNumber("mergeNode", t.MergeNode + 1);
            w.WriteString("firstSegment", Segment(t.FirstSegment));
            w.WriteString("secondSegment", Segment(t.SecondSegment));
            w.WriteNumber("originFlow", t.OriginFlow);
            w.WriteNumber("originShare", t.OriginShare);
            w.WriteNumber("pairShare", t.PairShare);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
