using Caravan.Model;

namespace Caravan.Routing;

/// <summary>
/// The network compiled for search, stored as CSR (<see cref="FirstOut"/>, <see cref="Head"/>) with struct-of-arrays
/// attributes. Each place × mode it handles has an arrival and a departure vertex: a link runs from the departure
/// vertex of its tail to the arrival vertex of its head; a <see cref="EdgeKind.Stay"/> edge carries a shipment on
/// in the same mode, and a <see cref="EdgeKind.Transfer"/> edge (gauge change, rail→ferry, …) runs from the arrival
/// vertex of one mode to the departure vertex of another. So at one place a shipment changes mode at most once, with
/// that transfer's handling, and never leaves a mode to come back to it there: transfers cannot chain, whatever search
/// runs on the graph. Immutable and shared by all queries; per-query state lives in the search objects.
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

    /// <summary>True for arrival vertices (where links end), false for departure vertices (where links start).</summary>
    public bool[] IsArrival { get; }

    /// <summary>CSR offsets: the out-edges of vertex v are <c>FirstOut[v] .. FirstOut[v+1]-1</c>.</summary>
    public int[] FirstOut { get; }

    /// <summary>Head (target vertex) of each edge.</summary>
    public int[] Head { get; }

    /// <summary>Tail (source vertex) of each edge.</summary>
    public int[] Tail { get; }

    /// <summary>True when the edge (a move or border) runs along its link's from→to direction.</summary>
    public bool IsForward(int edge) => Network.Links[Ref[edge]].From == VertexPlace[Tail[edge]];

    /// <summary>True for edges over a link (moves and borders), false for transfers and stays.</summary>
    public bool IsLinkEdge(int edge) => Kind[edge] is EdgeKind.Move or EdgeKind.Border;

    /// <summary>Kind of each edge.</summary>
    public EdgeKind[] Kind { get; }

    /// <summary>For moves and borders: the link index; for transfers: the transfer index; for stays: the place index.</summary>
    public int[] Ref { get; }

    /// <summary>The edge running the other way over the same link or transfer, or -1 (one-way links, stays).</summary>
    public int[] Reverse { get; }

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

    /// <summary>
    /// True for local pre- and on-carriage inside one locality: a road link between two places of the same locality
    /// (BILK ↔ Budapest airport, Ambarlı port ↔ Halkalı), and the road stays and transfers at places such a link
    /// serves. A search from or to a locality reaches its other terminals over these, costed like any truck leg
    /// (trucking rate, time, CO2e); avoiding road as a mode does not cut them, since they are drayage inside one
    /// city, not a road haul.
    /// </summary>
    public bool[] IsLocalCarriage { get; }

    /// <summary>Country index of each place (into <see cref="Countries"/>).</summary>
    public int[] PlaceCountry { get; }

    /// <summary>The distinct ISO country codes of the network.</summary>
    public IReadOnlyList<string> Countries { get; }

    private readonly int[] _arrivalOf;
    private readonly int[] _departureOf;

    /// <summary>The arrival vertex of a place for a mode, or -1 when the place does not handle that mode.</summary>
    public int ArrivalOf(int place, Mode mode) => _arrivalOf[(place * Modes.Count) + (int)mode];

    /// <summary>The departure vertex of a place for a mode, or -1 when the place does not handle that mode.</summary>
    public int DepartureOf(int place, Mode mode) => _departureOf[(place * Modes.Count) + (int)mode];

    /// <summary>
    /// The vertices a search from a place starts at: its departure vertices; with <paramref name="wholeLocality"/>,
    /// those of every place of its locality (a query for "Budapest" starts at whichever terminal, port or airport
    /// suits the modes, at no cost, as a forwarder reads "anywhere in the city").
    /// </summary>
    public IReadOnlyList<int> Origins(int place, bool wholeLocality = false)
    {
        var list = new List<int>(Modes.Count);
        if (!wholeLocality)
        {
            AddDepartures(place, list);
            return list;
        }
        foreach (var p in Network.Localities[Network.LocalityOf(place)].Places)
        {
            AddDepartures(p, list);
        }
        return list;
    }

    private void AddDepartures(int place, List<int> list)
    {
        foreach (var m in Modes.All)
        {
            var v = DepartureOf(place, m);
            if (v >= 0)
            {
                list.Add(v);
            }
        }
    }

    /// <summary>
    /// True when a search to <paramref name="place"/> has arrived on reaching vertex <paramref name="v"/>: an
    /// arrival vertex of the place, or with <paramref name="wholeLocality"/> of any place of its locality.
    /// </summary>
    public bool IsDestination(int v, int place, bool wholeLocality = false) =>
        IsArrival[v] && (VertexPlace[v] == place || (wholeLocality && Network.LocalityOf(VertexPlace[v]) == Network.LocalityOf(place)));

    /// <summary>Compiles a network.</summary>
    public RoutingGraph(Network network)
    {
        Network = network;
        var placeCount = network.Places.Count;
        _arrivalOf = new int[placeCount * Modes.Count];
        _departureOf = new int[placeCount * Modes.Count];
        Array.Fill(_arrivalOf, -1);
        Array.Fill(_departureOf, -1);
        var vertexPlace = new List<int>();
        var vertexMode = new List<Mode>();
        var isArrival = new List<bool>();
        // Sized for the usual count up front (two directions per link and transfer, a stay per place and mode): a
        // list grown by doubling would hold up to twice the edges' ~120 bytes each while the graph is built.
        var edges = new List<EdgeRecord>((2 * network.Links.Count) + (2 * network.Transfers.Count) + (2 * placeCount));
        void Handle(int place, Mode mode)
        {
            ref var a = ref _arrivalOf[(place * Modes.Count) + (int)mode];
            if (a >= 0)
            {
                return;
            }
            a = vertexPlace.Count;
            vertexPlace.Add(place);
            vertexMode.Add(mode);
            isArrival.Add(true);
            var d = vertexPlace.Count;
            _departureOf[(place * Modes.Count) + (int)mode] = d;
            vertexPlace.Add(place);
            vertexMode.Add(mode);
            isArrival.Add(false);
            // Carrying on in the same mode through the place costs nothing here; the links price the move.
            edges.Add(new EdgeRecord(a, d, EdgeKind.Stay, place, mode, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
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

        // Collect edges first, then sort into CSR. A pair id links the two directions of a link or transfer.
        var pair = 0;
        for (var li = 0; li < network.Links.Count; li++)
        {
            var link = network.Links[li];
            var mp = network.ParametersOf(link.Mode);
            Handle(link.From, link.Mode);
            Handle(link.To, link.Mode);
            var hours = link.FixedHours ?? (link.DistanceKm / (link.SpeedKmh ?? mp.SpeedKmh));
            var perWeekForward = network.BoardingDeparturesPerWeek(li, forward: true);
            var perWeekReverse = network.BoardingDeparturesPerWeek(li, forward: false);
            var wait = perWeekForward > 0 ? 0.5 * 168.0 / perWeekForward : 0.0;
            var waitBack = perWeekReverse > 0 ? 0.5 * 168.0 / perWeekReverse : 0.0;
            var kind = link.IsCrossing ? EdgeKind.Border : EdgeKind.Move;
            var dwell = link.Border?.MedianHours ?? link.DwellMedianHours ?? 0;
            var dwellP90 = link.Border?.P90Hours ?? link.DwellP90Hours ?? 0;
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
            var fromDep = DepartureOf(link.From, link.Mode);
            var toArr = ArrivalOf(link.To, link.Mode);
            var id = link.Bidirectional ? pair++ : -1;
            edges.Add(new EdgeRecord(fromDep, toArr, kind, li, link.Mode, hours, wait, dwell, dwellP90, link.DistanceKm, feu, tonne, co2, open, id));
            if (link.Bidirectional)
            {
                edges.Add(new EdgeRecord(DepartureOf(link.To, link.Mode), ArrivalOf(link.From, link.Mode), kind, li, link.Mode, hours, waitBack, dwell, dwellP90, link.DistanceKm, feu, tonne, co2, open, id));
            }
        }
        for (var ti = 0; ti < network.Transfers.Count; ti++)
        {
            var t = network.Transfers[ti];
            if (ArrivalOf(t.Place, t.ModeA) < 0 || ArrivalOf(t.Place, t.ModeB) < 0)
            {
                // A transfer to a mode no link serves at this place leads nowhere; the validator reports it.
                continue;
            }
            var id = pair++;
            edges.Add(new EdgeRecord(ArrivalOf(t.Place, t.ModeA), DepartureOf(t.Place, t.ModeB), EdgeKind.Transfer, ti, t.ModeB, 0, 0, t.MedianHours, t.P90Hours, 0, t.CostUsdPerFeu, t.CostUsdPerTonne, t.Co2eKgPerTonne, 0, id));
            edges.Add(new EdgeRecord(ArrivalOf(t.Place, t.ModeB), DepartureOf(t.Place, t.ModeA), EdgeKind.Transfer, ti, t.ModeA, 0, 0, t.MedianHours, t.P90Hours, 0, t.CostUsdPerFeu, t.CostUsdPerTonne, t.Co2eKgPerTonne, 0, id));
        }

        VertexCount = vertexPlace.Count;
        VertexPlace = [.. vertexPlace];
        VertexMode = [.. vertexMode];
        IsArrival = [.. isArrival];
        EdgeCount = edges.Count;
        edges.Sort((x, y) => x.Tail != y.Tail ? x.Tail.CompareTo(y.Tail) : x.Head.CompareTo(y.Head));
        FirstOut = new int[VertexCount + 1];
        Head = new int[EdgeCount];
        Tail = new int[EdgeCount];
        Kind = new EdgeKind[EdgeCount];
        Ref = new int[EdgeCount];
        Reverse = new int[EdgeCount];
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
        var firstOfPair = new int[pair];
        Array.Fill(firstOfPair, -1);
        Array.Fill(Reverse, -1);
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
            if (r.Pair >= 0)
            {
                if (firstOfPair[r.Pair] < 0)
                {
                    firstOfPair[r.Pair] = e;
                }
                else
                {
                    Reverse[e] = firstOfPair[r.Pair];
                    Reverse[firstOfPair[r.Pair]] = e;
                }
            }
        }
        for (var v = 0; v < VertexCount; v++)
        {
            FirstOut[v + 1] += FirstOut[v];
        }
        IsLocalCarriage = LocalCarriage(network);
    }

    private bool[] LocalCarriage(Network network)
    {
        var local = new bool[EdgeCount];
        var servesLocal = new bool[network.Places.Count];
        for (var e = 0; e < EdgeCount; e++)
        {
            if (Kind[e] == EdgeKind.Move && EdgeMode[e] == Mode.Road)
            {
                var a = VertexPlace[Tail[e]];
                var b = VertexPlace[Head[e]];
                if (a != b && network.LocalityOf(a) == network.LocalityOf(b))
                {
                    local[e] = true;
                    servesLocal[a] = servesLocal[b] = true;
                }
            }
        }
        for (var e = 0; e < EdgeCount; e++)
        {
            if (Kind[e] is EdgeKind.Stay or EdgeKind.Transfer && servesLocal[VertexPlace[Tail[e]]]
                && (VertexMode[Tail[e]] == Mode.Road || VertexMode[Head[e]] == Mode.Road))
            {
                local[e] = true;
            }
        }
        return local;
    }

    private readonly record struct EdgeRecord(
        int Tail, int Head, EdgeKind Kind, int Ref, Mode Mode, double MoveHours, double WaitHours, double DwellHours,
        double DwellP90Hours, double DistanceKm, double CostFeu, double CostTonne, double Co2PerTonne, int OpenFrom, int Pair);
}
