using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;
using Spectre.Console;

namespace Caravan.Cli;

/// <summary>Prints a plan: the options side by side, then the legs of the chosen one.</summary>
internal static class PlanTable
{
    /// <summary>Prints the plan; dates come from its document (local time with the offset where the data have time zones).</summary>
    public static void Write(Network network, PlanResult plan, Caravan.Export.RouteResponse document, DateTimeOffset? deadline)
    {
        var chosen = plan.Options[0];
        var r = chosen.Itinerary.Request;
        var from = network.Places[r.From];
        var to = network.Places[r.To];
        var info = network.InfoOf(r.Commodity);
        var title = $"{from.Name} ({from.Country}) → {to.Name} ({to.Country}): {RouteTable.Num(r.Quantity, "0.##")} {info.Unit} {r.Commodity.Name()} — {plan.Options.Count} of {plan.ParetoSetSize} non-dominated option(s)";
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        table.AddColumns("#", "Corridor", "Best at");
        foreach (var c in new[] { "days", "p50 days", "p90 days", "USD", "kg CO2e", "transfers", "borders" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }
        if (deadline is not null)
        {
            table.AddColumn(new TableColumn("on time").RightAligned());
        }
        AddRows(table, plan.Options, deadline is not null, 0);
        AnsiConsole.Write(table);
        if (plan.Alternatives.Count > 0)
        {
            var alt = new Table { Title = new TableTitle("Alternatives that differ in substance") };
            alt.AddColumns("#", "Corridor", "");
            foreach (var c in new[] { "days", "p50 days", "p90 days", "USD", "kg CO2e", "transfers", "borders" })
            {
                alt.AddColumn(new TableColumn(c).RightAligned());
            }
            if (deadline is not null)
            {
                alt.AddColumn(new TableColumn("on time").RightAligned());
            }
            AddRows(alt, plan.Alternatives, deadline is not null, 0);
            AnsiConsole.Write(alt);
        }
        if (plan.Corridors.Count > 0)
        {
            var ct = new Table { Title = new TableTitle("Best route per corridor") };
            ct.AddColumn("Corridor");
            foreach (var c in new[] { "days", "p90 days", "USD", "kg CO2e" })
            {
                ct.AddColumn(new TableColumn(c).RightAligned());
            }
            ct.AddColumn("Verdict");
            foreach (var c in plan.Corridors)
            {
                var o = c.Best;
                ct.AddRow(
                    Markup.Escape(c.Corridor),
                    o is null ? "" : RouteTable.Num(o.Itinerary.Totals.Hours / 24, "0.0"),
                    o is null ? "" : RouteTable.Num(o.Distribution.P90Hours / 24, "0.0"),
                    o is null ? "" : RouteTable.Num(o.Itinerary.Totals.CostUsd, "0"),
                    o is null ? "" : RouteTable.Num(o.Itinerary.Totals.Co2eKg, "0"),
                    Markup.Escape(c.CutBy is { Count: > 0 } cut ? "cut by " + string.Join(", ", cut.Select(b => $"{ServiceOutput.OptionName(Caravan.Services.RouteService.FieldOf(b.Constraint))} {b.Value}")) : c.Verdict));
            }
            AnsiConsole.Write(ct);
        }
        AnsiConsole.WriteLine();
        var heading = $"Option 1 ({string.Join(", ", chosen.Labels.DefaultIfEmpty(RouteTable.Describe(r.Objective)))}), corridor {chosen.Itinerary.Corridor}" +
            (chosen.DatedLegs is not null ? $", departing {RouteTable.Local(document.Routes[0].Legs[0].Departs)}" : "");
        RouteTable.Write(network, chosen.Itinerary, heading, chosen.DatedLegs is not null ? document.Routes[0].Legs : null, chosen.DatedLegs);
        AnsiConsole.MarkupLine(Markup.Escape($"Time distribution: median {RouteTable.Num(chosen.Distribution.P50Hours / 24, "0.0")} days, p90 {RouteTable.Num(chosen.Distribution.P90Hours / 24, "0.0")} days (Monte Carlo, {Reliability.TransitTimeDistribution.SampleCount} samples, fixed seed)."));
    }

    private static void AddRows(Table table, IReadOnlyList<RouteOption> options, bool withDeadline, int offset)
    {
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var t = o.Itinerary.Totals;
            var cells = new List<string>
            {
                (i + 1 + offset).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(o.Itinerary.Corridor),
                Markup.Escape(string.Join(", ", o.Labels)),
                RouteTable.Num(t.Hours / 24, "0.0"),
                RouteTable.Num(o.Distribution.P50Hours / 24, "0.0"),
                RouteTable.Num(o.Distribution.P90Hours / 24, "0.0"),
                RouteTable.Num(t.CostUsd, "0"),
                RouteTable.Num(t.Co2eKg, "0"),
                o.Itinerary.Transfers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                o.Itinerary.Legs.Count(l => l.Kind == LegKind.Border).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (withDeadline)
            {
                cells.Add(o.OnTimeProbability is { } p ? RouteTable.Num(p * 100, "0.0") + "%" : "");
            }
            table.AddRow(cells.ToArray());
        }
    }
}
