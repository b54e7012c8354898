using Caravan.Data;
using Caravan.Model;
using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>
/// Sets or scales attributes of one element for a <c>set</c>/<c>scale</c> change, and checks the result
/// (p90 not below median, a planned link keeps an opening year, speeds above zero).
/// Scaling <c>hours</c> on a link timed by speed divides its speed; scaling a tariff the data leaves to the
/// mode default first makes that default explicit (default per km × distance).
/// </summary>
internal sealed class AttributeEditor(NetworkBuilder net, OverlayChange change, DiagnosticBag bag)
{
    private readonly HashSet<string> _reported = [];

    public int Errors { get; private set; }

    private void Error(JNode at, string message)
    {
        // One message per attribute, not one per matched element.
        if (_reported.Add(at.Path + message))
        {
            Errors++;
            bag.Error(change.File, at.Line, at.Path, message);
        }
        else
        {
            Errors++;
        }
    }

    public Link Edit(Link link)
    {
        var l = link;
        if (change.Operation == OverlayOperation.Set)
        {
            foreach (var (name, v) in change.Values)
            {
                l = SetLink(l, name, v);
            }
        }
        else
        {
            foreach (var (name, v) in change.Factors)
            {
                l = ScaleLink(l, name, v.Number);
            }
        }
        var at = change.Values.Concat(change.Factors).First().Node;
        if (l.Border is { } b && b.P90Hours < b.MedianHours)
        {
            Error(at, $"on {l.Id}: p90 ({b.P90Hours:0.##} h) would fall below the median ({b.MedianHours:0.##} h); change both");
        }
        if (l.Status != LinkStatus.Operating && l.OpeningYear is null)
        {
            Error(at, $"on {l.Id}: a {l.Status.ToString().ToLowerInvariant()} link needs an opening_year");
        }
        if (l.SpeedKmh is <= 0)
        {
            Error(at, $"on {l.Id}: speed_kmh must be above zero");
        }
        // Every value the change produced stays within the range the CSV reader enforces for that column.
        var file = l.IsCrossing ? "crossings.csv" : "links.csv";
        InRange(at, l.Id, file, "distance_km", l.DistanceKm, FieldRanges.Link("distance_km", l.IsCrossing));
        InRange(at, l.Id, file, "speed_kmh", l.SpeedKmh, FieldRanges.Link("speed_kmh"));
        InRange(at, l.Id, file, "hours", l.FixedHours, FieldRanges.Link("hours"));
        InRange(at, l.Id, file, "capacity_per_year", l.CapacityPerYear, FieldRanges.Link("capacity_per_year"));
        if (l.Border is { } border)
        {
            InRange(at, l.Id, file, "median_hours", border.MedianHours, FieldRanges.Crossing("median_hours"));
            InRange(at, l.Id, file, "p90_hours", border.P90Hours, FieldRanges.Crossing("p90_hours"));
            InRange(at, l.Id, file, "fee_usd_per_feu", border.FeeUsdPerFeu, FieldRanges.Crossing("fee_usd_per_feu"));
            InRange(at, l.Id, file, "fee_usd_per_tonne", border.FeeUsdPerTonne, FieldRanges.Crossing("fee_usd_per_tonne"));
        }
        else
        {
            InRange(at, l.Id, file, "tariff_usd_per_feu", l.TariffUsdPerFeu, FieldRanges.Link("tariff_usd_per_feu"));
            InRange(at, l.Id, file, "tariff_usd_per_tonne", l.TariffUsdPerTonne, FieldRanges.Link("tariff_usd_per_tonne"));
        }
        return l;
    }

    private void InRange(JNode at, string element, string file, string column, double? value, FieldRange range)
    {
        if (value is { } v && !range.Contains(v))
        {
            Error(at, $"on {element}: {column} would become {v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, outside {range} (the range {file} allows)");
        }
    }

    private Link SetLink(Link l, string name, JNode v)
    {
        double? n = v.Kind == JKind.Number ? v.Number : null;
        var border = l.Border;
        return name switch
        {
            "distance_km" => n is { } d ? l with { DistanceKm = d } : Fail(l, v, "distance_km cannot be cleared"),
            "speed_kmh" => l with { SpeedKmh = n },
            "hours" => l with { FixedHours = n },
            "tariff_usd_per_feu" => l with { TariffUsdPerFeu = n },
            "tariff_usd_per_tonne" => l with { TariffUsdPerTonne = n },
            "capacity_per_year" => l with { CapacityPerYear = n },
            "capacity_unit" => l with { CapacityUnit = v.Text },
            "tracks" => l with { Tracks = n is { } t ? (int)t : null },
            "status" => l with { Status = OverlayReader.TryParseStatus(v.Text, out var s) ? s : l.Status },
            "opening_year" => l with { OpeningYear = n is { } y ? (int)y : null },
            "corridor" => l with { Corridor = v.Text },
            _ when border is null => l,
            "median_hours" => n is { } m ? l with { Border = border with { MedianHours = m } } : Fail(l, v, "median_hours cannot be cleared"),
            "p90_hours" => n is { } p ? l with { Border = border with { P90Hours = p } } : Fail(l, v, "p90_hours cannot be cleared"),
            "fee_usd_per_feu" => l with { Border = border with { FeeUsdPerFeu = n ?? 0 } },
            "fee_usd_per_tonne" => l with { Border = border with { FeeUsdPerTonne = n ?? 0 } },
            _ => l,
        };
    }

    private Link Fail(Link l, JNode v, string message)
    {
        Error(v, message);
        return l;
    }

    private Link ScaleLink(Link l, string name, double f)
    {
        var p = net.ParametersOf(l.Mode);
        var border = l.Border;
        return name switch
        {
            "distance_km" => l with { DistanceKm = l.DistanceKm * f },
            "speed_kmh" => l with { SpeedKmh = (l.SpeedKmh ?? p?.SpeedKmh) * f },
            "hours" when l.FixedHours is { } h => l with { FixedHours = h * f },
            "hours" => l with { SpeedKmh = (l.SpeedKmh ?? p?.SpeedKmh) / f },
            "tariff_usd_per_feu" when !l.IsCrossing => l with { TariffUsdPerFeu = (l.TariffUsdPerFeu ?? (p?.CostUsdPerFeuKm * l.DistanceKm)) * f },
            "tariff_usd_per_tonne" when !l.IsCrossing => l with { TariffUsdPerTonne = (l.TariffUsdPerTonne ?? (p?.CostUsdPerTonneKm * l.DistanceKm)) * f },
            "capacity_per_year" => l with { CapacityPerYear = l.CapacityPerYear * f },
            _ when border is null => l,
            "median_hours" => l with { Border = border with { MedianHours = border.MedianHours * f } },
            "p90_hours" => l with { Border = border with { P90Hours = border.P90Hours * f } },
            "dwell_hours" => l with { Border = border with { MedianHours = border.MedianHours * f, P90Hours = border.P90Hours * f } },
            "fee_usd_per_feu" => l with { Border = border with { FeeUsdPerFeu = border.FeeUsdPerFeu * f } },
            "fee_usd_per_tonne" => l with { Border = border with { FeeUsdPerTonne = border.FeeUsdPerTonne * f } },
            _ => l,
        };
    }

    public Transfer Edit(Transfer transfer)
    {
        var t = transfer;
        var scale = change.Operation == OverlayOperation.Scale;
        foreach (var (name, v) in scale ? change.Factors : change.Values)
        {
            double? n = v.Kind == JKind.Number ? v.Number : null;
            double Num(double current) => scale ? current * v.Number : n ?? current;
            t = name switch
            {
                "median_hours" => t with { MedianHours = Num(t.MedianHours) },
                "p90_hours" => t with { P90Hours = Num(t.P90Hours) },
                "dwell_hours" => t with { MedianHours = t.MedianHours * v.Number, P90Hours = t.P90Hours * v.Number },
                "cost_usd_per_feu" => t with { CostUsdPerFeu = Num(t.CostUsdPerFeu) },
                "cost_usd_per_tonne" => t with { CostUsdPerTonne = Num(t.CostUsdPerTonne) },
                "co2e_kg_per_tonne" => t with { Co2eKgPerTonne = Num(t.Co2eKgPerTonne) },
                "capacity_per_year" => t with { CapacityPerYear = scale ? t.CapacityPerYear * v.Number : n },
                _ => t,
            };
        }
        var where = change.Values.Concat(change.Factors).First().Node;
        var code = net.Places[t.Place].Code;
        foreach (var (column, value) in new (string, double?)[] { ("median_hours", t.MedianHours), ("p90_hours", t.P90Hours), ("cost_usd_per_feu", t.CostUsdPerFeu), ("cost_usd_per_tonne", t.CostUsdPerTonne), ("co2e_kg_per_tonne", t.Co2eKgPerTonne), ("capacity_per_year", t.CapacityPerYear) })
        {
            InRange(where, code, "transfers.csv", column, value, FieldRanges.Transfer(column));
        }
        if (t.P90Hours < t.MedianHours)
        {
            Error(change.Values.Concat(change.Factors).First().Node, $"at {net.Places[t.Place].Code}: p90 ({t.P90Hours:0.##} h) would fall below the median ({t.MedianHours:0.##} h); change both");
        }
        return t;
    }

    public Service Edit(Service service)
    {
        var s = service;
        foreach (var (_, v) in change.Operation == OverlayOperation.Scale ? change.Factors : change.Values)
        {
            var perWeek = change.Operation == OverlayOperation.Scale ? s.DeparturesPerWeek * v.Number : v.Number;
            if (!FieldRanges.Service("departures_per_week").Contains(perWeek))
            {
                Error(v, $"on {s.Id}: departures_per_week would become {perWeek.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, outside {FieldRanges.Service("departures_per_week")} (the range services.csv allows)");
                continue;
            }
            // A changed frequency no longer fits the published timetable: the service becomes a frequency only.
            s = s with { DeparturesPerWeek = perWeek, Timetable = perWeek == s.DeparturesPerWeek ? s.Timetable : [] };
        }
        return s;
    }
}
