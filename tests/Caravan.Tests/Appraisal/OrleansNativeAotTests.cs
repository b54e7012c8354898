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

    [Fact]
    public void EveryClosedValueTypeServiceNamesTypesOfThisOrleans()
    {
        // The native binary registers these closed (the container cannot close Orleans' open generics over value
        // types ahead of time); a name an Orleans upgrade changed would silently drop one, so each must resolve here.
        var closed = OrleansNativeAot.ClosedValueTypeServices().ToList();
        Assert.Equal(OrleansNativeAot.ValueTypeServiceCount, closed.Count);
        foreach (var (service, implementation) in closed)
        {
            Assert.True(service.IsAssignableFrom(implementation), $"{implementation} is not a {service}");
            Assert.Contains(service.GetGenericArguments(), a => a.IsValueType);
        }
    }

    [Fact]
    public async Task TheJitSiloResolvesTheSameImplementationsFromOrleansOpenGenerics()
    {
        await using var silo = await SweepCluster.StartInProcessAsync(1);
        foreach (var (service, implementation) in OrleansNativeAot.ClosedValueTypeServices())
        {
            Assert.Equal(implementation, silo.Services.GetRequiredService(service).GetType());
        }
    }
}
