using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.GrainReferences;
using Orleans.Serialization.Configuration;

namespace Caravan.Sweep;

/// <summary>
/// What lets Orleans 10.4 run in the native AOT caravan (it is not AOT compatible upstream, dotnet/orleans#9639), added
/// to every silo and client: a grain reference provider that needs no Reflection.Emit, and a type manifest without the
/// codecs of types the binary does not contain. Neither changes anything in the JIT build: the provider creates the same
/// references, and the manifest is only filtered where dynamic code is not supported (the native binary).
/// </summary>
internal static class OrleansNativeAot
{
    /// <summary>Adds both to the services of a silo or client.</summary>
    public static void AddTo(IServiceCollection services)
    {
        // First in the list, so Orleans' DynamicMethod-based provider is only asked for what this one leaves.
        services.Insert(0, ServiceDescriptor.Singleton<IGrainReferenceActivatorProvider, ProxyReferenceActivatorProvider>());
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // Only the native binary can lack a codec's types; the JIT build would read every codec's interfaces for nothing.
            services.PostConfigure<TypeManifestOptions>(DropUnloadableCodecs);
        }
    }

    // Orleans' CodecProvider reads the interfaces of every generated codec at start-up; a codec for a type that the
    // native AOT compiler left out of the binary (System.ValueTuple`8: nothing here uses one) throws TypeLoadException
    // there. No value of such a type can occur in this process, so its codec is never needed.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only removes entries; what stays was registered through the annotated Add methods.")]
    private static void DropUnloadableCodecs(TypeManifestOptions types)
    {
        foreach (var set in new[] { types.Serializers, types.FieldCodecs, types.Activators, types.Copiers, types.Converters })
        {
            set.RemoveWhere(t => !InterfacesLoad(t));
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only asks whether the interfaces load; a codec whose interfaces were trimmed is the case being dropped.")]
    private static bool InterfacesLoad(Type type)
    {
        try
        {
            _ = type.GetInterfaces();
            return true;
        }
        catch (TypeLoadException)
        {
            return false;
        }
    }
}
