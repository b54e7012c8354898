namespace Caravan.Collections;

/// <summary>
/// LSD radix sort of doubles on their bit patterns (sign-flipped so that the unsigned order is the numeric order),
/// 11 bits a pass: the Monte Carlo's 4,000 samples sort in a fraction of a comparison sort's time, with the same
/// result for any values without NaN.
/// </summary>
public static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;

    [ThreadStatic]
    private static int[]? _counts;

    /// <summary>Sorts <paramref name="values"/> ascending, using <paramref name="scratch"/> (at least as long) as a buffer.</summary>
    public static void Sort(Span<double> values, Span<double> scratch)
    {
        var n = values.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(scratch.Length, n, nameof(scratch));
        if (n < 2)
        {
            return;
        }
        var counts = _counts ??= new int[Passes * Buckets];
        Array.Clear(counts);
        // One pass over the data counts every digit of every pass.
        for (var i = 0; i < n; i++)
        {
            var key = Key(values[i]);
            for (var p = 0; p < Passes; p++)
            {
                counts[(p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1))]++;
            }
        }
        var from = values;
        var to = scratch[..n];
        for (var p = 0; p < Passes; p++)
        {
            var offset = p * Buckets;
            // A pass where every key has the same digit moves nothing.
            if (counts[offset + (int)((Key(from[0]) >> (p * Bits)) & (Buckets - 1))] == n)
            {
                continue;
            }
            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = counts[offset + b];
                counts[offset + b] = sum;
                sum += c;
            }
            for (var i = 0; i < n; i++)
            {
                var x = from[i];
                var slot = offset + (int)((Key(x) >> (p * Bits)) & (Buckets - 1));
                to[counts[slot]++] = x;
            }
            var swap = from;
            from = to;
            to = swap;
        }
        if (from != values)
        {
            from.CopyTo(values);
        }
    }

    private static ulong Key(double x)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(x);
        // Negative numbers: flip every bit (larger magnitude sorts first); others: flip the sign bit.
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }
}
