using Caravan.Model;
using Caravan.Routing;
using Spectre.Console;

namespace Caravan.Cli;

/// <summary>Prints an itinerary as a table of legs with totals.</summary>
internal static class RouteTable
{
    /// <summary>Prints the legs; with <paramref name="dated"/> (the plan document's legs), when each departs and arrives, in local time with its offset.</summary>
    public static void Write(Network network, Itinerary itinerary, string? title = null, IReadOnlyList<Caravan.Export.LegDocument>? dated = null, IReadOnlyList<Caravan.Planning.DatedLeg>? timetabled = null)
    {
        var r = itinerary.Request;
        var info = network.InfoOf(r.Commodity);
        var from = network.Places[r.From];
        var to = network.Places[r.To];
        var heading = title ?? $"{from.Name} ({from.Country}) → {to.Name} ({to.Country}): {Num(r.Quantity, "0.##")} {info.Unit} {r.Commodity.Name()}, {Describe(r.Objective)}, corridor {itinerary.Corridor}";
        var table = new Table { Title = new TableTitle(Markup.Escape(heading)) };
        table.AddColumn("#");
        table.AddColumn("From");
        table.AddColumn("To");
        table.AddColumn("Mode");
        table.AddColumn(new TableColumn("km").RightAligned());
        table.AddColumn(new TableColumn("hours").RightAligned());
        table.AddColumn(new TableColumn("USD").RightAligned());
        table.AddColumn(new TableColumn("kg CO2e").RightAligned());
        table.AddColumn("What happens");
        if (dated is not null)
        {
            table.AddColumn("Departs (local)");
            table.AddColumn("Arrives (local)");
        }
        var i = 0;
        foreach (var leg in itinerary.Legs)
        {
            i++;
            var a = network.Places[leg.From];
            var b = network.Places[leg.To];
            var what = leg.Kind switch
            {
                LegKind.Move => leg.Corridor.Length > 0 ? $"{leg.LinkId} · {leg.Corridor}" : leg.LinkId,
                _ => leg.Description,
            };
            var cells = new List<string>
            {
                i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape($"{a.Name} ({a.Country})"),
                Markup.Escape(leg.From == leg.To ? "" : $"{b.Name} ({b.Country})"),
                leg.Kind == LegKind.Move ? leg.Mode.ToString() : leg.Kind.ToString().ToLowerInvariant(),
                leg.DistanceKm > 0 ? Num(leg.DistanceKm, "0") : "",
                Num(leg.Hours, "0.0"),
                Num(leg.CostUsd, "0"),
                Num(leg.Co2eKg, "0"),
                Markup.Escape(what),
            };
            if (dated is not null)
            {
                var d = dated[i - 1];
                cells.Add(Local(d.Departs));
                cells.Add(Local(d.Arrives) + (timetabled is not null && timetabled[i - 1].FromTimetable ? " (timetable)" : ""));
            }
            table.AddRow(cells.ToArray());
        }
        var t = itinerary.Totals;
        table.AddEmptyRow();
        var total = new List<string>
        {
            "", "[bold]Total[/]", "", "", Num(t.DistanceKm, "0"), Num(t.Hours, "0.0"), Num(t.CostUsd, "0"), Num(t.Co2eKg, "0"),
            Markup.Escape($"{Num(t.Hours / 24, "0.0")} days, {itinerary.Transfers} transfer(s), {itinerary.Legs.Count(l => l.Kind == LegKind.Border)} border(s)"),
        };
        if (dated is not null && dated.Count > 0)
        {
            total.Add("");
            total.Add(Markup.Escape("arrives " + Local(dated[^1].Arrives)));
        }
        table.AddRow(total.ToArray());
        AnsiConsole.Write(table);
    }

    public static string Describe(Objective o) => o switch
    {
        Objective.Time => "fastest",
        Objective.Cost => "cheapest",
        Objective.Co2 => "lowest CO2e",
        _ => "recommended (generalized cost)",
    };

    /// <summary>A document's ISO 8601 local time (<c>2026-12-01T16:00+08:00</c>) as <c>Tue 2026-12-01 16:00 +08:00</c>.</summary>
    public static string Local(string? iso) =>
        iso is not null && DateTimeOffset.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
            ? t.ToString("ddd yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)
            : iso ?? "";

    public static string Num(double v, string format) => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
