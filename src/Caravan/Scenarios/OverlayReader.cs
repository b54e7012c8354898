using Caravan.Data;
using Caravan.Model;
using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>
/// Reads an overlay file into an <see cref="Overlay"/>, checking its shape: keys, types, operations, selectors and
/// attribute names. Every problem is a diagnostic with the file, line and JSON path; references to ids of the
/// network are checked later, when the overlay is applied (<see cref="OverlayApplier"/>).
/// </summary>
public static class OverlayReader
{
    /// <summary>Most changes one overlay may hold.</summary>
    public const int MaxChanges = 10_000;

    private static readonly string[] RootKeys = ["name", "description", "basedOn", "sources", "changes", "targets", "$schema"];
    private static readonly string[] ChangeKeys = ["op", "on", "where", "values", "factors", "items", "year", "source", "note"];
    private static readonly string[] SelectorKeys = ["ids", "corridor", "countries", "between", "places", "modes", "status", "kinds", "text", "opening_year_max"];
    private static readonly string[] TargetKeys = ["metric", "factor", "corridor", "source", "note"];
    private static readonly string[] Operations = ["set", "scale", "open", "close", "add", "remove"];
    private static readonly string[] Targets = ["links", "crossings", "places", "transfers", "services"];
    private static readonly string[] Metrics = ["hours", "cost_usd", "co2e_kg"];

    /// <summary>The corridor labels of the data schema.</summary>
    public static IReadOnlyList<string> CorridorLabels { get; } = ["north", "middle", "south", "cku", "sea", "air", "road", "pipeline", "domestic", "europe"];

    /// <summary>Reads an overlay file; null when it has errors (all reported to <paramref name="bag"/>).</summary>
    public static Overlay? ReadFile(string path, string displayName, DiagnosticBag bag)
    {
        var root = LocatedJsonParser.ParseFile(path, displayName, bag);
        return root is null ? null : Read(root, displayName, bag, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads an overlay from parsed JSON; null when it has errors.</summary>
    public static Overlay? Read(JNode root, string file, DiagnosticBag bag, string? expectedName = null)
    {
        var r = new Ctx(file, bag);
        if (root.Kind != JKind.Object)
        {
            r.Error(root, $"an overlay is a JSON object, not {root.KindName}");
            return null;
        }
        r.CheckKeys(root, RootKeys);
        var name = r.RequiredString(root, "name");
        if (name.Length > 0 && !IsValidName(name))
        {
            r.Error(root.Get("name")!, "a scenario name uses letters, digits, '-', '_' and '.' only (it is also a file name)");
        }
        if (expectedName is not null && name.Length > 0 && !string.Equals(name, expectedName, StringComparison.OrdinalIgnoreCase))
        {
            bag.Warning(file, root.Get("name")!.Line, "$.name", $"name '{LocatedJsonParser.Clip(name)}' differs from the file name '{expectedName}'");
        }
        var description = r.RequiredString(root, "description");
        string? basedOn = null;
        if (root.Get("basedOn") is { } b)
        {
            basedOn = r.String(b);
            if (basedOn?.Length == 0)
            {
                r.Error(b, "basedOn names a scenario or file; leave it out to build on the base network");
            }
        }
        var sources = root.Get("sources") is { } s ? r.StringList(s) : [];
        var changes = new List<OverlayChange>();
        var changesNode = root.Get("changes");
        if (changesNode is null)
        {
            r.Error(root, "missing key 'changes' (use [] for none)", "$.changes");
        }
        else if (changesNode.Kind != JKind.Array)
        {
            r.Error(changesNode, $"'changes' is an array, not {changesNode.KindName}");
        }
        else if (changesNode.Items.Count > MaxChanges)
        {
            r.Error(changesNode, $"{changesNode.Items.Count:N0} changes; an overlay may hold at most {MaxChanges:N0}");
        }
        else
        {
            for (var i = 0; i < changesNode.Items.Count; i++)
            {
                if (ReadChange(changesNode.Items[i], i, r) is { } change)
                {
                    changes.Add(change);
                }
            }
        }
        var targets = new List<OverlayTarget>();
        if (root.Get("targets") is { } t)
        {
            if (t.Kind != JKind.Array)
            {
                r.Error(t, $"'targets' is an array, not {t.KindName}");
            }
            else
            {
                foreach (var item in t.Items)
                {
                    if (ReadTarget(item, r) is { } target)
                    {
                        targets.Add(target);
                    }
                }
            }
        }
        if (r.Errors > 0)
        {
            return null;
        }
        return new Overlay(name, description, basedOn, sources, changes, targets, file, root);
    }

    /// <summary>True for names that are safe as file names.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 80 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !name.StartsWith('.');

    private static OverlayChange? ReadChange(JNode node, int index, Ctx r)
    {
        if (node.Kind != JKind.Object)
        {
            r.Error(node, $"a change is an object like {{\"op\": \"scale\", ...}}, not {node.KindName}");
            return null;
        }
        var before = r.Errors;
        r.CheckKeys(node, ChangeKeys);
        var opText = r.RequiredString(node, "op");
        OverlayOperation op = default;
        if (opText.Length > 0 && !TryParseOperation(opText, out op))
        {
            r.Error(node.Get("op")!, $"unknown op '{LocatedJsonParser.Clip(opText)}'{Suggest(opText, Operations)}; expected one of {string.Join(", ", Operations)}");
            return null;
        }
        var target = OverlayTargetKind.Links;
        if (node.Get("on") is { } onNode)
        {
            var on = r.String(onNode) ?? "";
            if (!TryParseTarget(on, out target))
            {
                r.Error(onNode, $"unknown target '{LocatedJsonParser.Clip(on)}'{Suggest(on, Targets)}; expected one of {string.Join(", ", Targets)}");
            }
            else if (op is OverlayOperation.Open or OverlayOperation.Close && target is not (OverlayTargetKind.Links or OverlayTargetKind.Crossings))
            {
                r.Error(onNode, $"'{opText}' works on links and crossings; use 'remove' for {on}");
            }
            else if (op is OverlayOperation.Set or OverlayOperation.Scale && target == OverlayTargetKind.Places)
            {
                r.Error(onNode, "places have no attributes to set or scale; remove and add the place instead");
            }
        }
        else if (op is OverlayOperation.Add or OverlayOperation.Remove)
        {
            r.Error(node, $"'{opText}' needs 'on': one of {string.Join(", ", Targets)}", node.Path + ".on");
        }

        var where = node.Get("where") is { } w ? ReadSelector(w, r) : new Selector();
        if (target == OverlayTargetKind.Transfers && node.Get("where")?.Get("ids") is { } tid)
        {
            r.Error(tid, "transfers have no ids; select them by places, countries, modes or kinds");
        }
        int? year = null;
        if (node.Get("year") is { } y)
        {
            if (op != OverlayOperation.Open)
            {
                r.Error(y, "'year' belongs to 'open' (open every link due by that year)");
            }
            year = r.Integer(y, 1800, 2200);
        }
        var needsWhere = op is OverlayOperation.Set or OverlayOperation.Scale or OverlayOperation.Close or OverlayOperation.Remove
            || (op == OverlayOperation.Open && year is null);
        if (needsWhere && where.IsEmpty && r.Errors == before)
        {
            r.Error(node, $"'{opText}' needs a non-empty 'where' (e.g. {{\"corridor\": \"cku\"}} or {{\"ids\": [\"L4\"]}}) so it cannot hit the whole network by accident", node.Path + ".where");
        }
        if (op == OverlayOperation.Add && node.Get("where") is { } w2)
        {
            r.Error(w2, "'add' takes 'items', not 'where'");
        }

        var values = new List<AttributeValue>();
        var factors = new List<AttributeValue>();
        var items = new List<JNode>();
        Expect(node, "values", op == OverlayOperation.Set, opText, r);
        Expect(node, "factors", op == OverlayOperation.Scale, opText, r);
        Expect(node, "items", op == OverlayOperation.Add, opText, r);
        if (op == OverlayOperation.Set && node.Get("values") is { } v)
        {
            values = ReadAttributes(v, target, scale: false, r);
        }
        if (op == OverlayOperation.Scale && node.Get("factors") is { } f)
        {
            factors = ReadAttributes(f, target, scale: true, r);
        }
        if (op == OverlayOperation.Add && node.Get("items") is { } it)
        {
            if (it.Kind != JKind.Array)
            {
                r.Error(it, $"'items' is an array of objects, not {it.KindName}");
            }
            else
            {
                foreach (var i in it.Items)
                {
                    if (i.Kind != JKind.Object)
                    {
                        r.Error(i, $"an item is an object with the CSV columns of data/README.md, not {i.KindName}");
                    }
                    else
                    {
                        items.Add(i);
                    }
                }
                if (it.Items.Count == 0)
                {
                    r.Error(it, "'items' is empty");
                }
            }
        }
        var sources = node.Get("source") is { } src ? r.StringList(src) : [];
        var note = node.Get("note") is { } n ? r.String(n) ?? "" : "";
        if (r.Errors > before)
        {
            return null;
        }
        return new OverlayChange(index, op, target, where, values, factors, items, year, sources, note, r.File, node.Line, node.Path);
    }

    private static void Expect(JNode change, string key, bool expected, string op, Ctx r)
    {
        var present = change.Get(key);
        if (expected && present is null)
        {
            r.Error(change, $"'{op}' needs '{key}'", change.Path + "." + key);
        }
        else if (!expected && present is not null)
        {
            r.Error(present, $"'{key}' does not belong to '{op}'");
        }
    }

    private static List<AttributeValue> ReadAttributes(JNode node, OverlayTargetKind target, bool scale, Ctx r)
    {
        var list = new List<AttributeValue>();
        if (node.Kind != JKind.Object)
        {
            r.Error(node, $"expected an object of attribute → {(scale ? "factor" : "value")}, not {node.KindName}");
            return list;
        }
        if (node.Properties.Count == 0)
        {
            r.Error(node, "no attributes given");
        }
        var settable = OverlayAttributes.Settable(target);
        var scalable = OverlayAttributes.Scalable(target);
        foreach (var (name, value) in node.Properties)
        {
            var known = scale ? scalable.Contains(name) : settable.ContainsKey(name);
            if (!known)
            {
                var options = scale ? scalable : (IEnumerable<string>)settable.Keys;
                r.Error(value, $"unknown attribute '{LocatedJsonParser.Clip(name)}' for {(scale ? "scale" : "set")} on {target.ToString().ToLowerInvariant()}{Suggest(name, options)}; expected one of {string.Join(", ", options)}");
                continue;
            }
            if (target == OverlayTargetKind.Links && OverlayAttributes.CrossingOnly.Contains(name))
            {
                r.Error(value, $"'{name}' belongs to border crossings; use \"on\": \"crossings\"");
                continue;
            }
            if (scale)
            {
                if (value.Kind != JKind.Number)
                {
                    r.Error(value, $"a factor is a number, not {value.KindName}");
                }
                else if (!(value.Number > 0 && value.Number <= 1000))
                {
                    r.Error(value, $"factor {value.Text} is out of range; expected more than 0 and at most 1000");
                }
            }
            else
            {
                var type = settable[name];
                switch (type)
                {
                    case AttributeType.Number when value.Kind != JKind.Number && value.Kind != JKind.Null:
                        r.Error(value, $"'{name}' is a number (or null to clear it), not {value.KindName}");
                        break;
                    case AttributeType.Number when value.Kind == JKind.Number && value.Number < 0:
                        r.Error(value, $"'{name}' must not be negative");
                        break;
                    case AttributeType.Integer when value.Kind != JKind.Number || value.Number != Math.Floor(value.Number):
                        r.Error(value, $"'{name}' is a whole number, not {(value.Kind == JKind.Number ? value.Text : value.KindName)}");
                        break;
                    case AttributeType.Text when value.Kind != JKind.String:
                        r.Error(value, $"'{name}' is a string, not {value.KindName}");
                        break;
                    case AttributeType.Text when name == "corridor" && !CorridorLabels.Contains(value.Text):
                        r.Error(value, $"unknown corridor '{LocatedJsonParser.Clip(value.Text)}'{Suggest(value.Text, CorridorLabels)}; expected one of {string.Join(", ", CorridorLabels)}");
                        break;
                    case AttributeType.Status when value.Kind != JKind.String || !TryParseStatus(value.Text, out _):
                        r.Error(value, "'status' is one of operating, construction, planned");
                        break;
                }
            }
            list.Add(new AttributeValue(name, value));
        }
        return list;
    }

    private static Selector ReadSelector(JNode node, Ctx r)
    {
        if (node.Kind != JKind.Object)
        {
            r.Error(node, $"'where' is an object like {{\"corridor\": \"cku\"}}, not {node.KindName}");
            return new Selector();
        }
        r.CheckKeys(node, SelectorKeys);
        var corridors = node.Get("corridor") is { } c ? r.StringList(c) : [];
        foreach (var label in corridors)
        {
            if (!CorridorLabels.Contains(label))
            {
                r.Error(node.Get("corridor")!, $"unknown corridor '{LocatedJsonParser.Clip(label)}'{Suggest(label, CorridorLabels)}; expected one of {string.Join(", ", CorridorLabels)}");
            }
        }
        var countries = node.Get("countries") is { } co ? CountryList(co, r) : [];
        var between = node.Get("between") is { } bt ? CountryList(bt, r) : [];
        if (node.Get("between") is { } btNode && between.Count != 2)
        {
            r.Error(btNode, "'between' names exactly two countries, e.g. [\"KZ\", \"UZ\"]");
        }
        var modes = new List<Mode>();
        if (node.Get("modes") is { } m)
        {
            foreach (var text in r.StringList(m))
            {
                if (Modes.TryParseGroup(text, out var group))
                {
                    modes.AddRange(group);
                }
                else
                {
                    r.Error(m, $"unknown mode '{LocatedJsonParser.Clip(text)}'{Suggest(text, Modes.All.Select(x => x.ToString()))}; expected one of {string.Join(", ", Modes.All)} or Rail");
                }
            }
        }
        var statuses = new List<LinkStatus>();
        if (node.Get("status") is { } st)
        {
            foreach (var text in r.StringList(st))
            {
                if (TryParseStatus(text, out var status))
                {
                    statuses.Add(status);
                }
                else
                {
                    r.Error(st, $"unknown status '{LocatedJsonParser.Clip(text)}'; expected operating, construction or planned");
                }
            }
        }
        int? yearMax = node.Get("opening_year_max") is { } y ? r.Integer(y, 1800, 2200) : null;
        return new Selector
        {
            Ids = node.Get("ids") is { } ids ? r.StringList(ids) : [],
            Corridors = corridors,
            Countries = countries,
            Between = between,
            Places = node.Get("places") is { } p ? r.StringList(p) : [],
            Modes = modes,
            Statuses = statuses,
            Kinds = node.Get("kinds") is { } k ? r.StringList(k) : [],
            Text = node.Get("text") is { } t ? r.String(t) ?? "" : "",
            OpeningYearAtMost = yearMax,
        };
    }

    private static List<string> CountryList(JNode node, Ctx r)
    {
        var list = r.StringList(node);
        foreach (var c in list)
        {
            if (c.Length != 2 || !char.IsAsciiLetterUpper(c[0]) || !char.IsAsciiLetterUpper(c[1]))
            {
                r.Error(node, $"'{LocatedJsonParser.Clip(c)}' is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. KZ)");
            }
        }
        return list;
    }

    private static OverlayTarget? ReadTarget(JNode node, Ctx r)
    {
        if (node.Kind != JKind.Object)
        {
            r.Error(node, $"a target is an object like {{\"metric\": \"hours\", \"factor\": 0.5}}, not {node.KindName}");
            return null;
        }
        var before = r.Errors;
        r.CheckKeys(node, TargetKeys);
        var metric = r.RequiredString(node, "metric");
        if (metric.Length > 0 && !Metrics.Contains(metric))
        {
            r.Error(node.Get("metric")!, $"unknown metric '{LocatedJsonParser.Clip(metric)}'{Suggest(metric, Metrics)}; expected one of {string.Join(", ", Metrics)}");
        }
        var factor = 1.0;
        if (node.Get("factor") is not { } f)
        {
            r.Error(node, "missing key 'factor' (0.5 = halve)", node.Path + ".factor");
        }
        else if (f.Kind != JKind.Number || !(f.Number > 0 && f.Number <= 1000))
        {
            r.Error(f, "'factor' is a number above 0 (0.5 = halve)");
        }
        else
        {
            factor = f.Number;
        }
        var corridor = node.Get("corridor") is { } c ? r.String(c) ?? "" : "";
        if (corridor.Length > 0 && !CorridorLabels.Contains(corridor))
        {
            r.Error(node.Get("corridor")!, $"unknown corridor '{LocatedJsonParser.Clip(corridor)}'{Suggest(corridor, CorridorLabels)}");
        }
        var sources = node.Get("source") is { } s ? r.StringList(s) : [];
        var note = node.Get("note") is { } n ? r.String(n) ?? "" : "";
        return r.Errors > before ? null : new OverlayTarget(metric, factor, corridor, sources, note);
    }

    private static bool TryParseOperation(string text, out OverlayOperation op) =>
        Enum.TryParse(text, ignoreCase: true, out op) && Enum.IsDefined(op) && !int.TryParse(text, out _);

    private static bool TryParseTarget(string text, out OverlayTargetKind target) =>
        Enum.TryParse(text, ignoreCase: true, out target) && Enum.IsDefined(target) && !int.TryParse(text, out _);

    /// <summary>Parses a link status as written in overlays and CSV files.</summary>
    public static bool TryParseStatus(string text, out LinkStatus status)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "operating": case "open": status = LinkStatus.Operating; return true;
            case "construction": case "under-construction": status = LinkStatus.Construction; return true;
            case "planned": case "proposed": status = LinkStatus.Planned; return true;
            default: status = default; return false;
        }
    }

    /// <summary>" (did you mean 'x'?)" for the nearest option, or empty.</summary>
    public static string Suggest(string text, IEnumerable<string> options)
    {
        var best = PlaceSearch.ClosestCodes(text, options, 1);
        return best.Count > 0 ? $" (did you mean '{best[0]}'?)" : "";
    }

    /// <summary>Reading state: the file and the bag, with typed getters that report mismatches.</summary>
    private sealed class Ctx(string file, DiagnosticBag bag)
    {
        public string File { get; } = file;

        public int Errors { get; private set; }

        public void Error(JNode node, string message, string? path = null)
        {
            Errors++;
            bag.Error(File, node.Line, path ?? node.Path, message);
        }

        public void CheckKeys(JNode obj, string[] allowed)
        {
            foreach (var (key, value) in obj.Properties)
            {
                if (!allowed.Contains(key))
                {
                    Error(value, $"unknown key '{LocatedJsonParser.Clip(key)}'{Suggest(key, allowed)}; expected one of {string.Join(", ", allowed.Where(a => a != "$schema"))}");
                }
            }
        }

        public string? String(JNode node)
        {
            if (node.Kind != JKind.String)
            {
                Error(node, $"expected a string, not {node.KindName}");
                return null;
            }
            return node.Text;
        }

        public string RequiredString(JNode obj, string key)
        {
            var node = obj.Get(key);
            if (node is null)
            {
                Error(obj, $"missing key '{key}'", obj.Path + "." + key);
                return "";
            }
            var s = String(node) ?? "";
            if (node.Kind == JKind.String && s.Trim().Length == 0)
            {
                Error(node, $"'{key}' is empty");
            }
            return s.Trim();
        }

        public List<string> StringList(JNode node)
        {
            var list = new List<string>();
            if (node.Kind == JKind.String)
            {
                list.AddRange(node.Text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (node.Kind == JKind.Array)
            {
                foreach (var item in node.Items)
                {
                    if (item.Kind == JKind.String && item.Text.Trim().Length > 0)
                    {
                        list.Add(item.Text.Trim());
                    }
                    else
                    {
                        Error(item, $"expected a non-empty string, not {(item.Kind == JKind.String ? "an empty one" : item.KindName)}");
                    }
                }
            }
            else
            {
                Error(node, $"expected a string or an array of strings, not {node.KindName}");
            }
            return list;
        }

        public int? Integer(JNode node, int min, int max)
        {
            if (node.Kind != JKind.Number || node.Number != Math.Floor(node.Number) || node.Number < min || node.Number > max)
            {
                Error(node, $"expected a whole number from {min} to {max}, not {(node.Kind == JKind.Number ? node.Text : node.KindName)}");
                return null;
            }
            return (int)node.Number;
        }
    }
}
