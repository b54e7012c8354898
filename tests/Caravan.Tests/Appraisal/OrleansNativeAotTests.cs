using Caravan.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.GrainReferences;
using Orleans.Metadata;
using Orleans.Runtime;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary>
/// Grain references come from the generated proxies' constructors, not Orleans' DynamicMethod (which the native AOT
/// caravan cannot run), for our grain and for Orleans' own; AotBinaryTests runs the same silo ahead of time.
/// </summary>
public sealed class OrleansNativeAotTests
{
    [Fact]
    public async Task GrainReferencesAreMadeByTheReflectionEmitFreeProvider()
    {
        await using var silo = await SweepCluster.StartInProcessAsync(1);
        var first = silo.Services.GetServices<IGrainReferenceActivatorProvider>().First();
        Assert.IsType<ProxyReferenceActivatorProvider>(first);
        var run = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ISweepRunGrain>("run-key");
        Assert.Equal("Proxy_ISweepRunGrain", run.GetType().Name);
        Assert.Equal("run-key", run.GetPrimaryKeyString());
        // Orleans' management grain, which sweep --cluster asks for the silo count, has its proxy made the same way.
        var management = silo.Services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(typeof(IManagementGrain));
        Assert.True(first.TryGet(GrainType.Create("management"), management, out var activator));
        var reference = activator.CreateReference(GrainId.Create("management", "0"));
        Assert.IsAssignableFrom<IManagementGrain>(reference);
    }
}
