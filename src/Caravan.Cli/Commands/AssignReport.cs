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
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
