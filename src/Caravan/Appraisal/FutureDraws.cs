using System.Globalization;
using Caravan.Model;

namespace Caravan.Appraisal;

/// <summary>Seeded Monte Carlo futures: the same seed and distributions give the same futures on any machine.</summary>
public static class FutureDraws
{
    /// <summary>
    /// Draws <paramref name="count"/> futures. Each future has its own stream (seed and index), and within it the
    /// values are drawn classes first (in enum order), then corridors (ordinal), then border dwell, so adding a future
    /// leaves the earlier ones as they were.
    /// </summary>
    public static IReadOnlyList<Future> Draw(int count, ulong seed, IReadOnlyDictionary<Commodity, Distribution> demandGrowth, IReadOnlyDictionary<string, Distribution> tariffFactor, Distribution borderDwellFactor)
    {
        var classes = demandGrowth.Keys.Order().ToList();
        var corridors = tariffFactor.Keys.Order(StringComparer.Ordinal).ToList();
        var futures = new Future[count];
        for (var i = 0; i < count; i++)
        {
            var random = new SplitMix64(seed ^ ((ulong)(i + 1) * 0xD1B54A32D192ED03UL));
            var growth = new Dictionary<Commodity, double>();
            foreach (var c in classes)
            {
                growth[c] = demandGrowth[c].Draw(random);
            }
            var tariff = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var k in corridors)
            {
                tariff[k] = tariffFactor[k].Draw(random);
            }
            futures[i] = new Future(string.Create(CultureInfo.InvariantCulture, $"f{i + 1:00}"), growth, tariff, borderDwellFactor.Draw(random));
        }
        return futures;
    }
}
