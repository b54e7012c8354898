using Caravan.Collections;
using Xunit;

namespace Caravan.Tests.Collections;

/// <summary>The radix sort of the Monte Carlo gives exactly Array.Sort's order.</summary>
public class RadixSortTests
{
    [Theory]
    [InlineData(1, 4000)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 777)]
    public void SortsLikeArraySort(int seed, int count)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (i % 7) switch
            {
                0 => -random.NextDouble() * 1e6,
                1 => Math.Round(random.NextDouble() * 10), // duplicates
                2 => double.PositiveInfinity,
                3 => double.NegativeInfinity,
                4 => random.NextDouble() * 1e-300,
                _ => random.NextDouble() * 500,
            };
        }
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        RadixSort.Sort(values, new double[count]);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void SamplesOfOneValueStayPut()
    {
        var values = Enumerable.Repeat(42.5, 100).ToArray();
        RadixSort.Sort(values, new double[100]);
        Assert.All(values, v => Assert.Equal(42.5, v));
    }
}
