using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>
/// Link cost as a function of link flow for every link of a network, struct-of-arrays:
/// cost(a, v) = vdf_a(v) + fixedCost_a. The fixed part carries tolls, distance costs, border fees
/// converted to time, and is what the TNTP distance and toll factors add.
/// </summary>
public sealed class LinkCostModel
{
    private readonly double[] _freeFlowTime;
    private readonly double[] _capacity;
    private readonly double[] _alpha;
    private readonly double[] _power;
    private readonly double[] _fixedCost;
    private readonly VolumeDelayKind[] _kind;

    /// <summary>
    /// Creates the model; arrays are used as given (not copied) and must all have the link count as length.
    /// For BPR links <paramref name="alpha"/> is the coefficient and <paramref name="power"/> the exponent; for conical
    /// links <paramref name="alpha"/> is the steepness (&gt; 1) and <paramref name="power"/> is ignored.
    /// </summary>
    /// <param name="freeFlowTime">t0 per link (time units).</param>
    /// <param name="capacity">Capacity per link (flow units, &gt; 0).</param>
    /// <param name="alpha">BPR coefficient or conical steepness per link.</param>
    /// <param name="power">BPR exponent per link.</param>
    /// <param name="fixedCost">Flow-independent extra cost per link, in time units (tolls, distance, fees converted).</param>
    /// <param name="kind">Volume-delay function per link.</param>
    /// <exception cref="ArgumentException">Lengths differ or a value is out of range (the message names the link).</exception>
    public LinkCostModel(double[] freeFlowTime, double[] capacity, double[] alpha, double[] power, double[] fixedCost, VolumeDelayKind[] kind)
    {
        var n = freeFlowTime.Length;
        if (capacity.Length != n || alpha.Length != n || power.Length != n || fixedCost.Length != n || kind.Length != n)
        {
            throw new ArgumentException("all link arrays must have the same length");
        }
        for (var a = 0; a < n; a++)
        {
            // Costs must be finite, non-negative and non-decreasing in flow: shortest paths and line searches rely on it.
            var valid = double.IsFinite(freeFlowTime[a]) && freeFlowTime[a] >= 0
                && double.IsFinite(capacity[a]) && capacity[a] > 0
                && double.IsFinite(alpha[a]) && alpha[a] >= 0
                && double.IsFinite(power[a]) && power[a] >= 0
                && double.IsFinite(fixedCost[a]) && fixedCost[a] >= 0
                && (kind[a] != VolumeDelayKind.Conical || alpha[a] > 1);
            if (!valid)
            {
                throw new ArgumentException($"link {a}: free-flow time, fixed cost, α and power must be finite and ≥ 0, capacity > 0, conical α > 1");
            }
        }
        _freeFlowTime = freeFlowTime;
        _capacity = capacity;
        _alpha = alpha;
        _power = power;
        _fixedCost = fixedCost;
        _kind = kind;
    }

    /// <summary>Number of links.</summary>
    public int LinkCount => _freeFlowTime.Length;

    /// <summary>Free-flow time per link.</summary>
    public ReadOnlySpan<double> FreeFlowTime => _freeFlowTime;

    /// <summary>Flow-independent cost per link.</summary>
    public ReadOnlySpan<double> FixedCost => _fixedCost;

    /// <summary>Generalized cost of link <paramref name="link"/> at flow <paramref name="flow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cost(int link, double flow)
        => _kind[link] == VolumeDelayKind.Bpr
            ? Bpr.Time(_freeFlowTime[link], _capacity[link], _alpha[link], _power[link], flow) + _fixedCost[link]
            : Conical.Time(_freeFlowTime[link], _capacity[link], _alpha[link], flow) + _fixedCost[link];

    /// <summary>d cost / d flow of link <paramref name="link"/> at <paramref name="flow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Derivative(int link, double flow)
        => _kind[link] == VolumeDelayKind.Bpr
            ? Bpr.Derivative(_freeFlowTime[link], _capacity[link], _alpha[link], _power[link], flow)
            : Conical.Derivative(_freeFlowTime[link], _capacity[link], _alpha[link], flow);

    /// <summary>Cost and derivative together, sharing the one power evaluation (the hot path of Algorithm B).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CostAndDerivative(int link, double flow, out double cost, out double derivative)
    {
        if (_kind[link] != VolumeDelayKind.Bpr)
        {
            cost = Conical.Time(_freeFlowTime[link], _capacity[link], _alpha[link], flow) + _fixedCost[link];
            derivative = Conical.Derivative(_freeFlowTime[link], _capacity[link], _alpha[link], flow);
            return;
        }
        var t0 = _freeFlowTime[link];
        var power = _power[link];
        var alpha = _alpha[link];
        if (power == 0 || alpha == 0 || flow <= 0)
        {
            cost = t0 * (1 + (power == 0 ? alpha : 0)) + _fixedCost[link];
            derivative = power == 1 ? t0 * alpha / _capacity[link] : 0;
            return;
        }
        var capacity = _capacity[link];
        var ratio = flow / capacity;
        var powMinusOne = Bpr.Pow(ratio, power - 1);
        cost = (t0 * (1 + (alpha * powMinusOne * ratio))) + _fixedCost[link];
        derivative = t0 * alpha * power * powMinusOne / capacity;
    }

    /// <summary>∫₀^v cost(a, u) du: the link's term of the Beckmann objective.</summary>
    public double Integral(int link, double flow)
        => (_kind[link] == VolumeDelayKind.Bpr
            ? Bpr.Integral(_freeFlowTime[link], _capacity[link], _alpha[link], _power[link], flow)
            : Conical.Integral(_freeFlowTime[link], _capacity[link], _alpha[link], flow)) + (_fixedCost[link] * flow);

    /// <summary>Fills <paramref name="cost"/> with the cost of every link at <paramref name="flow"/>.</summary>
    public void Costs(ReadOnlySpan<double> flow, Span<double> cost)
    {
        for (var a = 0; a < cost.Length; a++)
        {
            cost[a] = Cost(a, flow[a]);
        }
    }

    /// <summary>Beckmann objective Σ ∫₀^{v_a} cost_a.</summary>
    public double Beckmann(ReadOnlySpan<double> flow)
    {
        var sum = 0.0;
        for (var a = 0; a < flow.Length; a++)
        {
            sum += Integral(a, flow[a]);
        }
        return sum;
    }
}
