using Caravan.Model;

namespace Caravan.RoutingBench;

/// <summary>
/// A generated multimodal network shaped like the real one: a grid of places across Eurasia's extent, rail on one
/// of two gauges by longitude band (gauge changes at the band edges), roads everywhere, sparse sea links, transfers
/// at every third place. Deterministic for a seed.
/// </summary>
internal static class SyntheticNetwork
{
    public static Network Create(int side, int seed = 1)
    {
        var random = new Random(seed);
        var src = new[] { "B" };
        var places = new List<Place>(side * side);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var country = x < side / 3 ? "DE" : x < 2 * side / 3 ? "KZ" : "CN";
                places.Add(new Place($"P{y}_{x}", $"P{y}_{x}", country, 30 + (25.0 * y / side), 5 + (115.0 * x / side), PlaceKind.City, [], src, ""));
            }
        }
        int Id(int x, int y) => (y * side) + x;
        Mode RailAt(int x) => x >= side / 3 && x < 2 * side / 3 ? Mode.Rail1520 : Mode.Rail1435;
        var links = new List<Link>(side * side * 4);
        var n = 0;
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                foreach (var (dx, dy) in new[] { (1, 0), (0, 1) })
                {
                    var nx = x + dx;
                    var ny = y + dy;
                    if (nx >= side || ny >= side)
                    {
                        continue;
                    }
                    var km = 50 + (random.NextDouble() * 100);
                    links.Add(new Link($"R{n++}", Id(x, y), Id(nx, ny), Mode.Road, km * 1.1, null, null, null, null, null, "", null, LinkStatus.Operating, null, true, "road", null, src, ""));
                    if (RailAt(x) == RailAt(nx) && random.NextDouble() < 0.8)
                    {
                        links.Add(new Link($"T{n++}", Id(x, y), Id(nx, ny), RailAt(x), km, null, null, null, null, null, "", null, LinkStatus.Operating, null, true, "rail", null, src, ""));
                    }
                }
                if (random.NextDouble() < 0.01)
                {
                    var tx = random.Next(side);
                    var ty = random.Next(side);
                    if (tx != x || ty != y)
                    {
                        links.Add(new Link($"S{n++}", Id(x, y), Id(tx, ty), Mode.Sea, 2000 + (random.NextDouble() * 10000), null, null, null, null, null, "", null, LinkStatus.Operating, null, true, "sea", null, src, ""));
                    }
                }
            }
        }
        var transfers = new List<Transfer>();
        for (var p = 0; p < places.Count; p += 3)
        {
            var x = p % side;
            transfers.Add(new Transfer(p, RailAt(x), Mode.Road, "rail-road", 4, 10, 100, 5, 1, null, "", src, ""));
            transfers.Add(new Transfer(p, Mode.Sea, Mode.Road, "road-sea", 12, 30, 150, 8, 1.5, null, "", src, ""));
            if (x == side / 3 || x == 2 * side / 3)
            {
                transfers.Add(new Transfer(p, Mode.Rail1435, Mode.Rail1520, "gauge-change", 6, 20, 150, 8, 1, null, "", src, ""));
            }
        }
        var modes = new List<ModeParameters>
        {
            new(Mode.Rail1435, 45, 1, 200, 1.0, 0.05, 0.02, src),
            new(Mode.Rail1520, 45, 1, 200, 0.9, 0.05, 0.02, src),
            new(Mode.Road, 55, 1, 120, 2.0, 0.1, 0.08, src),
            new(Mode.Sea, 28, 1, 60, 0.2, 0.01, 0.01, src),
            new(Mode.Ferry, 20, 1, 60, 1.5, 0.08, 0.05, src),
            new(Mode.Air, 750, 100, 1000, 10, 2, 1, src),
            new(Mode.PipelineOil, 10, 1, 50, 0.5, 0.01, 0.005, src),
            new(Mode.PipelineGas, 10, 1, 50, 0.5, 0.01, 0.005, src),
        };
        var commodities = new List<CommodityInfo> { new(Commodity.Container, "FEU", 10, new HashSet<Mode> { Mode.Rail1435, Mode.Rail1520, Mode.Road, Mode.Sea }, src) };
        return new Network(places, links, transfers, [], modes, commodities, [new Source("B", "synthetic", "", "", "", "")]);
    }
}
