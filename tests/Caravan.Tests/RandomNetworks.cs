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
            transfers.Add(new Transfer(p, Mode.Rail1435, Mode.Rail1520, "gauge-change", random.NextDouble() * 10, 12, 100, 5, 1, null, "", src, ""));
            transfers.Add(new Transfer(p, Mode.Rail1520, Mode.Road, "rail-road", random.NextDouble() * 10, 12, 100, 5, 1, null, "", src, ""));
        }
        var parameters = Modes.All.Select(m => new ModeParameters(m, 40 + (int)m, 1, 1000, 1, 0.1, 0.02, src)).ToList();
        var commodities = new List<CommodityInfo>
        {
            new(Commodity.Container, "FEU", 10, new HashSet<Mode>(Modes.All), src),
        };
        return new Network(placeList, linkList, transfers, [], parameters, commodities, [new Source("T", "t", "", "", "", "")]);
    }
}
