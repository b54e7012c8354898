using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.CodeGeneration;
using Orleans.GrainReferences;
using Orleans.Metadata;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Configuration;
using Orleans.Serialization.Serializers;

namespace Caravan.Sweep;

/// <summary>
/// Creates grain references from Orleans' generated proxy classes by calling their (GrainReferenceShared, IdSpan)
/// constructor, where Orleans' own provider compiles a DynamicMethod per proxy type, which the native AOT caravan
/// cannot run (dotnet/orleans#9639). Registered ahead of Orleans' providers in silos and clients (see
/// <see cref="OrleansNativeAot"/>), so every build, JIT included, creates references the same way. Generic grain
/// interfaces (none of ours) are left to Orleans' provider.
/// </summary>
internal sealed class ProxyReferenceActivatorProvider : IGrainReferenceActivatorProvider
{
    private readonly IServiceProvider _services;
    private readonly GrainPropertiesResolver _grainProperties;
    private readonly IClusterManifestProvider _manifest;
    private readonly CodecProvider _codecs;
    private readonly CopyContextPool _copyContexts;
    private readonly Dictionary<GrainInterfaceType, ConstructorInvoker> _proxies = [];
    private IGrainReferenceRuntime? _runtime;

    /// <summary>Maps each non-generic grain interface of the type manifest to its proxy's constructor.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reads the proxies that generated code registered through AddInterfaceProxy, which keeps their constructors.")]
    public ProxyReferenceActivatorProvider(
        IServiceProvider services,
        IOptions<TypeManifestOptions> types,
        GrainInterfaceTypeResolver interfaces,
        GrainPropertiesResolver grainProperties,
        IClusterManifestProvider manifest,
        CodecProvider codecs,
        CopyContextPool copyContexts)
    {
        _services = services;
        _grainProperties = grainProperties;
        _manifest = manifest;
        _codecs = codecs;
        _copyContexts = copyContexts;
        foreach (var proxy in types.Value.InterfaceProxies)
        {
            if (proxy.IsGenericType || !typeof(GrainReference).IsAssignableFrom(proxy) || Constructor(proxy) is not { } ctor)
            {
                continue;
            }
            _proxies[interfaces.GetGrainInterfaceType(MainInterface(proxy))] = ConstructorInvoker.Create(ctor);
        }
    }

    /// <inheritdoc />
    public bool TryGet(GrainType grainType, GrainInterfaceType interfaceType, [NotNullWhen(true)] out IGrainReferenceActivator? activator)
    {
        if (!_proxies.TryGetValue(interfaceType, out var ctor))
        {
            activator = null;
            return false;
        }
        // As Orleans' own provider: ordered calls unless the grain says otherwise, the interface version of this process.
        var unordered = _grainProperties.GetGrainProperties(grainType).Properties.TryGetValue(WellKnownGrainTypeProperties.Unordered, out var text)
            && string.Equals("true", text, StringComparison.OrdinalIgnoreCase);
        ushort version = 0;
        if (_manifest.LocalGrainManifest.Interfaces.TryGetValue(interfaceType, out var properties)
            && properties.Properties.TryGetValue(WellKnownGrainInterfaceProperties.Version, out var versionText)
            && ushort.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
        }
        var runtime = _runtime ??= _services.GetRequiredService<IGrainReferenceRuntime>();
        var shared = new GrainReferenceShared(grainType, interfaceType, version, runtime,
            unordered ? InvokeMethodOptions.Unordered : InvokeMethodOptions.None, _codecs, _copyContexts, _services);
        activator = new Activator(ctor, shared);
        return true;
    }

    // Orleans registers its generated proxies through TypeManifestOptions.AddInterfaceProxy, whose annotation keeps
    // their constructors in the native AOT build (Caravan.Sweep's own proxy is also named below).
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Proxy types are registered through the annotated AddInterfaceProxy; ours is also kept by DynamicDependency.")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, "OrleansCodeGen.Caravan.Sweep.Proxy_ISweepRunGrain", "Caravan.Sweep")]
    private static ConstructorInfo? Constructor(Type proxy) =>
        proxy.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(GrainReferenceShared), typeof(IdSpan)]);

    // The grain interface a proxy stands for: the most derived of the interfaces it implements.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Interfaces of kept proxy types are kept with them.")]
    private static Type MainInterface(Type proxy)
    {
        Type? main = null;
        foreach (var candidate in proxy.GetInterfaces())
        {
            if (main is null || main.IsAssignableFrom(candidate))
            {
                main = candidate;
            }
        }
        return main ?? throw new InvalidOperationException($"proxy {proxy} implements no grain interface");
    }

    private sealed class Activator(ConstructorInvoker ctor, GrainReferenceShared shared) : IGrainReferenceActivator
    {
        public GrainReference CreateReference(GrainId grainId) => (GrainReference)ctor.Invoke(shared, grainId.Key);
    }
}
