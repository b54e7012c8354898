using Caravan.Data;
using Caravan.Model;
using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>Applies one change to a <see cref="NetworkBuilder"/>: checks its references, selects, edits, logs.</summary>
internal sealed class ChangeApplication(NetworkBuilder net, OverlayChange change, DiagnosticBag bag)
{
    private readonly List<string> _links = [];
    private readonly List<string> _transfers = [];
    private readonly List<string> _places = [];
    private int _errors;

    public AppliedChange? Run()
    {
        CheckReferences();
        if (_errors > 0)
        {
            return null;
        }
        var matched = change.Operation switch
        {
            OverlayOperation.Set or OverlayOperation.Scale => Edit(),
            OverlayOperation.Open => Open(),
            OverlayOperation.Close => Remove(),
            OverlayOperation.Remove => Remove(),
            _ => Add(),
        };
        if (matched == 0 && _errors == 0)
        {
            Warn($"{change.Operation.ToString().ToLowerInvariant()} {change.Target.ToString().ToLowerInvariant()} {change.Where} matches nothing in this network");
        }
        return _errors > 0 ? null : new AppliedChange("", change, matched, _links, _transfers, _places);
    }

    private void Error(string message, string? field = null)
    {
        _errors++;
        bag.Error(change.File, change.Line, field ?? change.Path, message);
    }

    private void Warn(string message) => bag.Warning(change.File, change.Line, change.Path, message);

    private void CheckReferences()
    {
        var w = change.Where;
        var wherePath = change.Path + ".where";
        foreach (var id in w.Ids)
        {
            var (exists, options) = change.Target switch
            {
                OverlayTargetKind.Places => (net.TryGetPlace(id, out _), net.PlaceCodes),
                OverlayTargetKind.Services => (net.Services.Exists(s => s.Id == id), net.Services.Select(s => s.Id)),
                OverlayTargetKind.Crossings => (net.Links.Exists(l => l.Id == id && l.IsCrossing), net.Links.Where(l => l.IsCrossing).Select(l => l.Id)),
                _ => (net.LinkById(id) is not null, net.Links.Select(l => l.Id)),
            };
            if (!exists)
            {
                Error($"unknown {Singular(change.Target)} id '{LocatedJsonParser.Clip(id)}'{OverlayReader.Suggest(id, options)}", wherePath + ".ids");
            }
        }
        foreach (var code in w.Places)
        {
            if (!net.TryGetPlace(code, out _))
            {
                Error($"unknown place code '{LocatedJsonParser.Clip(code)}'{OverlayReader.Suggest(code, net.PlaceCodes)}", wherePath + ".places");
            }
        }
        var countries = net.Places.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);
        foreach (var c in w.Countries.Concat(w.Between))
        {
            if (!countries.Contains(c))
            {
                Warn($"no place of this network is in {c}");
            }
        }
    }

    private static string Singular(OverlayTargetKind target) => target switch
    {
        OverlayTargetKind.Places => "place",
        OverlayTargetKind.Services => "service",
        OverlayTargetKind.Crossings => "crossing",
        OverlayTargetKind.Transfers => "transfer",
        _ => "link",
    };

    private bool LinkSelected(Link l) =>
        (change.Target != OverlayTargetKind.Crossings || l.IsCrossing) && change.Where.Matches(l, net.Places);

    private int Edit()
    {
        var count = 0;
        var editor = new AttributeEditor(net, change, bag);
        switch (change.Target)
        {
            case OverlayTargetKind.Links:
            case OverlayTargetKind.Crossings:
                for (var i = 0; i < net.Links.Count; i++)
                {
                    if (!LinkSelected(net.Links[i]))
                    {
                        continue;
                    }
                    count++;
                    net.Links[i] = editor.Edit(net.Links[i]);
                    _links.Add(net.Links[i].Id);
                }
                break;
            case OverlayTargetKind.Transfers:
                for (var i = 0; i < net.Transfers.Count; i++)
                {
                    if (!change.Where.Matches(net.Transfers[i], net.Places))
                    {
                        continue;
                    }
                    count++;
                    net.Transfers[i] = editor.Edit(net.Transfers[i]);
                    var t = net.Transfers[i];
                    _transfers.Add(ChangeLog.TransferKey(net.Places[t.Place].Code, t.ModeA, t.ModeB));
                }
                break;
            case OverlayTargetKind.Services:
                for (var i = 0; i < net.Services.Count; i++)
                {
                    if (!change.Where.Matches(net.Services[i], net.LinkById, net.Places))
                    {
                        continue;
                    }
                    count++;
                    net.Services[i] = editor.Edit(net.Services[i]);
                    _links.AddRange(net.Services[i].LinkIds);
                }
                break;
        }
        _errors += editor.Errors;
        return count;
    }

    private int Open()
    {
        var count = 0;
        for (var i = 0; i < net.Links.Count; i++)
        {
            var l = net.Links[i];
            if (change.Where.IsEmpty ? false : !LinkSelected(l))
            {
                continue;
            }
            if (change.OpenedByYear is { } year && !(l.Status != LinkStatus.Operating && l.OpeningYear is { } y && y <= year))
            {
                continue;
            }
            count++;
            if (l.Status != LinkStatus.Operating)
            {
                net.Links[i] = l with { Status = LinkStatus.Operating };
                _links.Add(l.Id);
            }
        }
        if (count > 0 && _links.Count == 0)
        {
            Warn($"every link selected by {change.Where} is already operating");
        }
        return count;
    }

    private int Remove()
    {
        switch (change.Target)
        {
            case OverlayTargetKind.Links:
            case OverlayTargetKind.Crossings:
                return net.RemoveLinks(LinkSelected, _links);
            case OverlayTargetKind.Places:
                {
                    var indices = new HashSet<int>();
                    for (var i = 0; i < net.Places.Count; i++)
                    {
                        if (change.Where.Matches(net.Places[i]))
                        {
                            indices.Add(i);
                            _places.Add(net.Places[i].Code);
                        }
                    }
                    foreach (var t in net.Transfers.Where(t => indices.Contains(t.Place)))
                    {
                        _transfers.Add(ChangeLog.TransferKey(net.Places[t.Place].Code, t.ModeA, t.ModeB));
                    }
                    net.RemovePlaces(indices, _links);
                    return indices.Count;
                }
            case OverlayTargetKind.Transfers:
                foreach (var t in net.Transfers.Where(t => change.Where.Matches(t, net.Places)))
                {
                    _transfers.Add(ChangeLog.TransferKey(net.Places[t.Place].Code, t.ModeA, t.ModeB));
                }
                return net.Transfers.RemoveAll(t => change.Where.Matches(t, net.Places));
            default:
                foreach (var s in net.Services.Where(s => change.Where.Matches(s, net.LinkById, net.Places)))
                {
                    _links.AddRange(s.LinkIds);
                }
                return net.Services.RemoveAll(s => change.Where.Matches(s, net.LinkById, net.Places));
        }
    }

    private int Add()
    {
        var reader = new OverlayItemReader(net, change, bag);
        var count = 0;
        foreach (var item in change.Items)
        {
            switch (change.Target)
            {
                case OverlayTargetKind.Places when reader.ReadPlace(item) is { } p:
                    net.AddPlace(p);
                    _places.Add(p.Code);
                    count++;
                    break;
                case OverlayTargetKind.Links or OverlayTargetKind.Crossings when reader.ReadLink(item, change.Target == OverlayTargetKind.Crossings) is { } l:
                    net.Links.Add(l);
                    _links.Add(l.Id);
                    count++;
                    break;
                case OverlayTargetKind.Transfers when reader.ReadTransfer(item) is { } t:
                    net.Transfers.Add(t);
                    _transfers.Add(ChangeLog.TransferKey(net.Places[t.Place].Code, t.ModeA, t.ModeB));
                    count++;
                    break;
                case OverlayTargetKind.Services when reader.ReadService(item) is { } s:
                    net.Services.Add(s);
                    _links.AddRange(s.LinkIds);
                    count++;
                    break;
                default:
                    _errors++;
                    break;
            }
        }
        return count;
    }
}
