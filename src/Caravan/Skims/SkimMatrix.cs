namespace Caravan.Skims;

/// <summary>
/// A skim: per origin–destination pair the figures of the path chosen by the objective, per shipment unit.
/// Cells are row-major (<c>origin * Destinations.Count + destination</c>); NaN and a null corridor where no path exists.
/// </summary>
public sealed class SkimMatrix
{
    /// <summary>Creates an empty matrix for a request (every cell unreachable).</summary>
    public SkimMatrix(SkimRequest request)
    {
        Request = request;
        var n = request.Origins.Count * request.Destinations.Count;
        Hours = Filled(n);
        P90Hours = Filled(n);
        CostUsd = Filled(n);
        Co2eKg = Filled(n);
        DistanceKm = Filled(n);
        Corridor = new string?[n];
    }

    /// <summary>What was computed.</summary>
    public SkimRequest Request { get; }

    /// <summary>Number of rows (origins).</summary>
    public int Rows => Request.Origins.Count;

    /// <summary>Number of columns (destinations).</summary>
    public int Columns => Request.Destinations.Count;

    /// <summary>Expected door-to-door hours.</summary>
    public double[] Hours { get; }

    /// <summary>90th-percentile hours (closed-form, Fenton–Wilkinson over the path's dwell and wait distributions).</summary>
    public double[] P90Hours { get; }

    /// <summary>Price per unit, USD.</summary>
    public double[] CostUsd { get; }

    /// <summary>Well-to-wheel CO2e per unit, kg.</summary>
    public double[] Co2eKg { get; }

    /// <summary>Distance, km.</summary>
    public double[] DistanceKm { get; }

    /// <summary>Corridor carrying most of the path's distance (<c>domestic</c> when none does); null where unreachable.</summary>
    public string?[] Corridor { get; }

    /// <summary>The cell index of a pair.</summary>
    public int Cell(int row, int column) => (row * Columns) + column;

    /// <summary>True when the pair has a path.</summary>
    public bool IsReachable(int row, int column) => !double.IsNaN(Hours[Cell(row, column)]);

    /// <summary>Number of pairs with a path.</summary>
    public int ReachableCount
    {
        get
        {
            var count = 0;
            foreach (var h in Hours)
            {
                if (!double.IsNaN(h))
                {
                    count++;
                }
            }
            return count;
        }
    }

    private static double[] Filled(int n)
    {
        var a = new double[n];
        Array.Fill(a, double.NaN);
        return a;
    }
}
