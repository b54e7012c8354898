using Caravan.Assignment;
using Xunit;

namespace Caravan.Tests.Assignment;

public class VolumeDelayTests
{
    [Theory]
    [InlineData(2.0)]
    [InlineData(4.0)]
    [InlineData(9.0)]
    public void ConicalPassesThroughFreeFlowAndTwiceFreeFlowAtCapacity(double alpha)
    {
        Assert.Equal(3.0, Conical.Time(3, 100, alpha, 0), 12);
        Assert.Equal(6.0, Conical.Time(3, 100, alpha, 100), 12);
    }

    [Theory]
    [InlineData(VolumeDelayKind.Bpr, 0.15, 4.0)]
    [InlineData(VolumeDelayKind.Bpr, 4e-3, 16.83)]
    [InlineData(VolumeDelayKind.Bpr, 0.0, 0.0)]
    [InlineData(VolumeDelayKind.Conical, 4.0, 0.0)]
    public void DerivativeAndIntegralAgreeWithTheCost(VolumeDelayKind kind, double alpha, double power)
    {
        var model = new LinkCostModel([2.0], [50.0], [alpha], [power], [0.7], [kind]);
        foreach (var flow in new[] { 0.0, 10.0, 49.0, 75.0 })
        {
            const double h = 1e-4;
            var numericDerivative = (model.Cost(0, flow + h) - model.Cost(0, Math.Max(0, flow - h))) / (flow + h - Math.Max(0, flow - h));
            Assert.Equal(numericDerivative, model.Derivative(0, flow), 1e-4 * Math.Max(1, Math.Abs(numericDerivative)));
            model.CostAndDerivative(0, flow, out var cost, out var derivative);
            Assert.Equal(model.Cost(0, flow), cost, 1e-12);
            Assert.Equal(model.Derivative(0, flow), derivative, 1e-9 * Math.Max(1, Math.Abs(derivative)));
            // Simpson's rule on the cost gives the integral the Beckmann objective uses.
            var steps = 2000;
            var sum = model.Cost(0, 0) + model.Cost(0, flow);
            for (var i = 1; i < steps; i++)
            {
                sum += (i % 2 == 1 ? 4 : 2) * model.Cost(0, flow * i / steps);
            }
            var numericIntegral = sum * flow / steps / 3;
            Assert.Equal(numericIntegral, model.Integral(0, flow), 1e-6 * Math.Max(1, numericIntegral));
        }
    }
}
