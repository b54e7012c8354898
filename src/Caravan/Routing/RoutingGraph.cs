using Caravan.Model;

namespace Caravan.Routing;

/// <summary>
/// The network compiled for search: one vertex per place × mode it handles, an edge per link direction and per
/// transfer direction, stored as CSR (<see cref="FirstOut"/>, <see cref="Head"/>) with struct-of-arrays attributes.
/// Immutable and shared by all queries; per-query state lives in the search objects.
/// </summary>
public sealed class RoutingGraph
{
    /// <summary>The network it was compiled from.</summary>
    public Network Network { get; }

    /// <summary>Number of vertices.</summary>
    public int VertexCount { get; }

    /// <summary>Number of edges.</summary>
    public int EdgeCount { get; }

    /// <summary>Place of each vertex.</summary>
    public int[] VertexPlace { get; }

    /// <summary>Mode of each vertex.</summary>
    public Mode[] VertexMode { get; }

    /// <summary>CSR offsets: the out-edges of vertex v are <c>FirstOut[v] .. FirstOut[v+1]-1</c>.</summary>
    public int[] FirstOut { get; }

    /// <summary>Head (target vertex) of each edge.</summary>
    public int[] Head { get; }

    /// <summary>Tail (source vertex) of each edge.</summary>
    public int[] Tail { get; }

    /// <summary>True when the edge runs along its link's from→to direction.</summary>
    public bool IsForward(int edge) => Network.Links[Ref[edge]].From == VertexPlace[Tail[edge]];

    /// <summary>Kind of each edge.</summary>
    public EdgeKind[] Kind { get; }

    /// <summary>For moves and borders: the link index; for transfers: the transfer index.</summary>
    public int[] Ref { get; }

    /// <summary>Mode whose carriage the edge uses (the link's mode; for transfers the mode transferred to).</summary>
    public Mode[] EdgeMode { get; }

    /// <summary>Travel time on the edge excluding waits and dwell, hours.</summary>
    public double[] MoveHours { get; }

    /// <summary>Expected wait for the next scheduled departure (half the headway), hours; 0 if unscheduled.</summary>
    public double[] WaitHours { get; }

    /// <summary>Median dwell (border formalities, transfer handling), hours.</summary>
    public double[] DwellHours { get; }

    /// <summary>90th percentile of dwell, hours.</summary>
    public double[] DwellP90Hours { get; }

    /// <summary>Distance, km.</summary>
    public double[] DistanceKm { get; }

    /// <summary>Price per FEU, USD.</summary>
    public double[] CostUsdPerFeu { get; }

    /// <summary>Price per tonne, USD.</summary>
    public double[] CostUsdPerTonne { get; }

    /// <summary>Emissions per tonne carried over the edge (ISO 14083: tonne-km × WTW intensity, or the hub intensity), kg CO2e.</summary>
    public double[] Co2eKgPerTonne { get; }

    /// <summary>Year from which the edge exists (0 = operating today).</summary>
    public int[] OpenFromYear { get; }

    /// <summary>Country index of each place (into <see cref="Countries"/>).</summary>
    public int[] PlaceCountry { get; }

    /// <summary>The distinct ISO country codes of the network.</summary>
    public IReadOnlyList<string> Countries { get; }

    private readonly int[] _vertexOf;

    /// <summary>The vertex of a place for a mode, or -1 when the place does not handle that mode.</summary>
    public int VertexOf(int place, Mode mode) => _vertexOf[(place * Modes.Count) + (int)mode];

    /// <summary>Compiles a network.</summary>
    public RoutingGraph(Network network)
    {
        Network = network;
        var placeCount = network.Places.Count;
        _vertexOf = new int[placeCount * Modes.Count];
        Array.Fill(_vertexOf, -1);
        var vertexPlace = new List<int>();
        var vertexMode = new List<Mode>();
        int Vertex(int place, Mode mode)
        {
            ref var v = ref _vertexOf[(place * Modes.Count) + (int)mode];
            if (v < 0)
            {
                v = vertexPlace.Count;
                vertexPlace.Add(place);
                vertexMode.Add(mode);
            }
            return v;
        }

        var countries = new List<string>();
        var countryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        PlaceCountry = new int[placeCount];
        for (var p = 0; p < placeCount; p++)
        {
            var c = network.Places[p].Country;
            if (!countryIndex.TryGetValue(c, out var ci))
            {
                ci = countries.Count;
                countries.Add(c);
                countryIndex[c] = ci;
            }
            PlaceCountry[p] = ci;
        }
        Countries = countries;

        // Collect edges first, then sort into CSR.
        var edges = new List<EdgeRecord>();
        for (var li = 0; li < network.Links.Count; li++)
        {
            var link = network.Links[li];
            var mp = network.ParametersOf(link.Mode);
            var a = Vertex(link.From, link.Mode);
            var b = Vertex(link.To, link.Mode);
            var hours = link.FixedHours ?? (link.DistanceKm / (link.SpeedKmh ?? mp.SpeedKmh));
            var perWeekForward = network.BoardingDeparturesPerWeek(li, forward: true);
            var perWeekReverse = network.BoardingDeparturesPerWeek(li, forward: false);
            var wait = perWeekForward > 0 ? 0.5 * 168.0 / perWeekForward : 0.0;
            var waitBack = perWeekReverse > 0 ? 0.5 * 168.0 / perWeekReverse : 0.0;
            var kind = link.IsCrossing ? EdgeKind.Border : EdgeKind.Move;
            var dwell = link.Border?.MedianHours ?? 0;
            var dwellP90 = link.Border?.P90Hours ?? 0;
            double feu, tonne;
            if (link.IsCrossing)
            {
                feu = link.Border!.FeeUsdPerFeu + (mp.CostUsdPerFeuKm * link.DistanceKm);
                tonne = link.Border!.FeeUsdPerTonne + (mp.CostUsdPerTonneKm * link.DistanceKm);
            }
            else
            {
                feu = link.TariffUsdPerFeu ?? (mp.CostUsdPerFeuKm * link.DistanceKm);
                tonne = link.TariffUsdPerTonne ?? (mp.CostUsdPerTonneKm * link.DistanceKm);
            }
            var co2 = mp.Co2eKgPerTonneKm * link.DistanceKm;
            var open = link.Status == LinkStatus.Operating ? 0 : link.OpeningYear ?? int.MaxValue;
            edges.Add(new EdgeRecord(a, b, kind, li, link.Mode, hours, wait, dwell, dwellP90, link.DistanceKm, feu, tonne, co2, open));
            if (link.Bidirectional)
            {
                edges.Add(new EdgeRecord(b, a, kind, li, link.Mode, hours, waitBack, dwell, dwellP90, link.DistanceKm, feu, tonne, co2, open));
            }
        }
        for (var ti = 0; ti < network.Transfers.Count; ti++)
        {
            var t = network.Transfers[ti];
            var a = VertexOf(t.Place, t.ModeA);
            var b = VertexOf(t.Place, t.ModeB);
            if (a < 0 || b < 0)
            {
                // A transfer to a mode no link serves at this place leads nowhere; the validator reports it.
                continue;
            }
            edges.Add(new EdgeRecord(a, b, EdgeKind.Transfer, ti, t.ModeB, 0, 0, t.MedianHours, t.P90Hours, 0, t.CostUsdPerFeu, t.CostUsdPerTonne, t.Co2eKgPerTonne, 0));
            edges.Add(new EdgeRecord(b, a, EdgeKind.Transfer, ti, t.ModeA, 0, 0, t.MedianHours, t.P90Hours, 0, t.CostUsdPerFeu, t.CostUsdPerTonne, t.Co2eKgPerTonne, 0));
        }

        VertexCount = vertexPlace.Count;
        VertexPlace = [.. vertexPlace];
        VertexMode = [.. vertexMode];
        EdgeCount = edges.Count;
        edges.Sort((x, y) => x.Tail != y.Tail ? x.Tail.CompareTo(y.Tail) : x.Head.CompareTo(y.Head));
        FirstOut = new int[VertexCount + 1];
        Head = new int[EdgeCount];
        Tail = new int[EdgeCount];
        Kind = new EdgeKind[EdgeCount];
        Ref = new int[EdgeCount];
        EdgeMode = new Mode[EdgeCount];
        MoveHours = new double[EdgeCount];
        WaitHours = new double[EdgeCount];
        DwellHours = new double[EdgeCount];
        DwellP90Hours = new double[EdgeCount];
        DistanceKm = new double[EdgeCount];
        CostUsdPerFeu = new double[EdgeCount];
        CostUsdPerTonne = new double[EdgeCount];
        Co2eKgPerTonne = new double[EdgeCount];
        OpenFromYear = new int[EdgeCount];
        for (var e = 0; e < EdgeCount; e++)
        {
            var r = edges[e];
            FirstOut[r.Tail + 1]++;
            Head[e] = r.Head;
            Tail[e] = r.Tail;
            Kind[e] = r.Kind;
            Ref[e] = r.Ref;
            EdgeMode[e] = r.Mode;
            MoveHours[e] = r.MoveHours;
            WaitHours[e] = r.WaitHours;
            DwellHours[e] = r.DwellHours;
            DwellP90Hours[e] = r.DwellP90Hours;
            DistanceKm[e] = r.DistanceKm;
            CostUsdPerFeu[e] = r.CostFeu;
            CostUsdPerTonne[e] = r.CostTonne;
            Co2eKgPerTonne[e] = r.Co2PerTonne;
            OpenFromYear[e] = r.OpenFrom;
        }
        for (var v = 0; v < VertexCount; v++)
        {
            FirstOut[v + 1] += FirstOut[v];
        }
    }

    private readonly record struct EdgeRecord(
        int Tail, int Head, EdgeKind Kind, int Ref, Mode Mode, double MoveHours, double WaitHours, double DwellHours,
        double DwellP90Hours, double DistanceKm, double CostFeu, double CostTonne, double Co2PerTonne, int OpenFrom);
}
