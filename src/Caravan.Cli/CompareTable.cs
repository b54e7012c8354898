using System.Globalization;
using Caravan.Comparison;
using Spectre.Console;

namespace Caravan.Cli;

/// <summary>Prints a comparison as a table, biggest change first, with targets and skipped pairs below.</summary>
internal static class CompareTable
{
    public static void Write(ComparisonResult result)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape($"{result.A.Name} → {result.B.Name}: {result.Routes.Count} pair(s), {result.Objective}, year {result.Year}")) };
        table.AddColumn("From → To");
        table.AddColumn(new TableColumn("days A").RightAligned());
        table.AddColumn(new TableColumn("days B").RightAligned());
        table.AddColumn(new TableColumn("Δ days").RightAligned());
        table.AddColumn(new TableColumn("Δ USD").RightAligned());
        table.AddColumn(new TableColumn("Δ kg CO2e").RightAligned());
        table.AddColumn("Corridor A → B");
        table.AddColumn("Why");
        foreach (var r in result.Routes)
        {
            table.AddRow(
                Markup.Escape($"{r.FromName} → {r.ToName}"),
                r.A is null ? "none" : F(r.A.Hours / 24, "0.0"),
                r.B is null ? "none" : F(r.B.Hours / 24, "0.0"),
                r.DeltaHours is { } dh ? Signed(dh / 24, "0.0") : (r.B is null ? "[red]lost[/]" : "[green]new[/]"),
                r.DeltaCostUsd is { } dc ? Signed(dc, "0") : "",
                r.DeltaCo2eKg is { } de ? Signed(de, "0") : "",
                Markup.Escape($"{r.A?.Corridor ?? "—"} → {r.B?.Corridor ?? "—"}"),
                Markup.Escape(Why(r)));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"A {result.A.Name}: {result.A.ContentHash}");
        Console.WriteLine($"B {result.B.Name}: {result.B.ContentHash}");
        foreach (var t in result.Targets)
        {
            var where = t.Target.Corridor.Length > 0 ? $" on the {t.Target.Corridor} corridor" : "";
            var mean = t.MeanRatio is { } m ? $", mean B/A {F(m, "0.00")}" : "";
            Console.WriteLine($"target ({string.Join(", ", t.Target.SourceIds)}): {t.Target.Metric} × {F(t.Target.Factor, "0.##")}{where} — met by {t.Met} of {t.Pairs} pair(s){mean}");
        }
        foreach (var s in result.Skipped)
        {
            Console.WriteLine($"skipped {s.From} → {s.To}: {s.Reason}");
        }
        if (result.Assignment is { } flows)
        {
            WriteFlows(flows);
        }
    }

    private static void WriteFlows(AssignmentComparison flows)
    {
        var ct = new Table { Title = new TableTitle("Flow by corridor (bn tonne-km / year)") };
        ct.AddColumn("Corridor");
        foreach (var c in new[] { "A", "B", "Δ" })
        {
            ct.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var c in flows.Corridors)
        {
            ct.AddRow(Markup.Escape(c.Corridor), F(c.FlowA / 1e9, "0.0"), F(c.FlowB / 1e9, "0.0"), Signed((c.FlowB - c.FlowA) / 1e9, "0.0"));
        }
        AnsiConsole.Write(ct);
        var lt = new Table { Title = new TableTitle("Largest flow shifts by link (Mt / year)") };
        lt.AddColumn("Link");
        foreach (var c in new[] { "A", "B", "Δ", "v/c A", "v/c B" })
        {
            lt.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var l in flows.Links.Take(15))
        {
            lt.AddRow(Markup.Escape(l.LinkId), F(l.FlowA / 1e6, "0.00"), F(l.FlowB / 1e6, "0.00"), Signed((l.FlowB - l.FlowA) / 1e6, "0.00"),
                l.VolumeCapacityA is { } ua ? F(ua * 100, "0") + "%" : "", l.VolumeCapacityB is { } ub ? F(ub * 100, "0") + "%" : "");
        }
        AnsiConsole.Write(lt);
        Console.WriteLine($"new bottlenecks (≥ 100% in B only): {(flows.NewBottlenecks.Count == 0 ? "none" : string.Join(", ", flows.NewBottlenecks))}");
        Console.WriteLine($"relieved bottlenecks (≥ 100% in A only): {(flows.RelievedBottlenecks.Count == 0 ? "none" : string.Join(", ", flows.RelievedBottlenecks))}");
        foreach (var (side, rows) in new[] { ("A", flows.UnservedA), ("B", flows.UnservedB) })
        {
            if (rows is { Count: > 0 })
            {
                Console.WriteLine($"demand without a route under {side}, not assigned: {rows.Count} row(s), {F(rows.Sum(r => r.Tonnes) / 1e6, "0.00")} Mt/year");
                foreach (var r in rows)
                {
                    Console.WriteLine($"  line {r.Line}: {r.Origin} → {r.Destination} {r.Commodity} {F(r.Tonnes / 1e6, "0.000")} Mt: {r.Reason}");
                }
            }
        }
    }

    private static string Why(OdComparison r)
    {
        var reasons = new List<string>();
        if (r.B is null && r.NoRouteB is not null)
        {
            reasons.Add("no route in B: " + r.NoRouteB);
        }
        if (r.A is null && r.NoRouteA is not null)
        {
            reasons.Add("no route in A: " + r.NoRouteA);
        }
        reasons.AddRange(r.Reasons);
        var why = reasons.Count == 0 ? "unchanged" : string.Join("; ", reasons);
        return r.Causes.Count == 0 ? why : $"{why} — by: {string.Join("; ", r.Causes)}";
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Signed(double v, string format) => (v > 0 ? "+" : "") + F(v, format);
}
