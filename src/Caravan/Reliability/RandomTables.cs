namespace Caravan.Reliability;

/// <summary>
/// Fixed tables of standard-normal and uniform draws (seed <see cref="TransitTimeDistribution.Seed"/>), one row per
/// Monte Carlo sample and one column per leg, drawn row by row and stored column by column (the draw of sample s in
/// column c at <c>c × SampleCount + s</c>), so the simulator reads one leg's draws for all samples contiguously.
/// Immutable once built, so shared by all threads; the same draws every run make the reliability figures repeatable
/// and cheap (no random generator in the inner loop).
/// </summary>
internal static class RandomTables
{
    /// <summary>Columns per sample; legs beyond this reuse columns cyclically.</summary>
    public const int Columns = 64;

    private static readonly Lazy<(double[] Normals, double[] Uniforms)> Tables = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static double[] Normals => Tables.Value.Normals;

    public static double[] Uniforms => Tables.Value.Uniforms;

    private static (double[], double[]) Build()
    {
        var random = new Random(TransitTimeDistribution.Seed);
        var samples = TransitTimeDistribution.SampleCount;
        var size = samples * Columns;
        var normals = new double[size];
        var uniforms = new double[size];
        for (var i = 0; i < size; i++)
        {
            // Box–Muller; 1 − U keeps the logarithm finite.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var at = (i % Columns * samples) + (i / Columns);
            normals[at] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            uniforms[at] = random.NextDouble();
        }
        return (normals, uniforms);
    }
}
