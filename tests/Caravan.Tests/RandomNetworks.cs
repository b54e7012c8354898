using Caravan.Model;

namespace Caravan.Tests;

/// <summary>Random but valid networks for property tests.</summary>
internal static class RandomNetworks
{
    public static Network Create(int seed, int places, int links)
    {
        var random = new Random(seed);
        var src = new[] { "T" };
        var placeList = new List<Place>();
        for (var i = 0; i < places; i++)
        {
            placeList.Add(new Place($"P{i}", $"Place {i}", random.Next(3) == 0 ? "KZ" : "CN", random.NextDouble() * 20, random.NextDouble() * 20, PlaceKind.City, [], src, ""));
        }
        var modes = new[] { Mode.Rail1435, Mode.Rail1520, Mode.Road };
        var linkList = new List<Link>();
        for (var i = 0; i < links; i++)
        {
            var a = random.Next(places);
            var b = random.Next(places);
            if (a == b)
            {
                continue;
            }
            var mode = modes[random.Next(modes.Length)];
            linkList.Add(new Link($"L{i}", a, b, mode, 10 + (random.NextDouble() * 500), null, null, null, null, null, "", null, LinkStatus.Operating, null, random.Next(4) != 0, "", null, src, ""));
        }
        var transfers = new List<Transfer>();
        for (var p = 0; p < places; p += 2)
        {
            // Valid data keeps the triangle inequality at a place (the validator's rule): no transfer takes longer
            // than two others chained, so no detour through a neighbour beats a direct transshipment.
            // With p90 = 2 × median the dwell variance grows with the median squared; capping the longest at the
            // root of the others' squares keeps the triangle in time and variance alike.
            var hours = new[] { 0.5 + (random.NextDouble() * 10), 0.5 + (random.NextDouble() * 10), 0.5 + (random.NextDouble() * 10) };
            Array.Sort(hours);
            hours[2] = Math.Min(hours[2], Math.Sqrt((hours[0] * hours[0]) + (hours[1] * hours[1])));
            var order = random.Next(3);
            Transfer T(Mode a, Mode b, string kind, double h) => new(p, a, b, kind, h, 2 * h, 100, 5, 1, null, "", src, "");
            transfers.Add(T(Mode.Rail1435, Mode.Rail1520, "gauge-change", hours[order]));
            transfers.Add(T(Mode.Rail1520, Mode.Road, "rail-road", hours[(order + 1) % 3]));
            transfers.Add(T(Mode.Rail1435, Mode.Road, "rail-road", hours[(order + 2) % 3]));
        }
        var parameters = Modes.All.Select(m => new ModeParameters(m, 40 + (int)m, 1, 1000, 1, 0.1, 0.02, src)).ToList();
        var commodities = new List<CommodityInfo>
        {
            new(Commodity.Container, "FEU", 10, new HashSet<Mode>(Modes.All), src),
        };
        return new Network(placeList, linkList, transfers, [], parameters, commodities, [new Source("T", "t", "", "", "", "")]);
    }
}
