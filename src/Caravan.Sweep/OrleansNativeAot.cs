using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.GrainReferences;
using Orleans.Serialization.Configuration;

namespace Caravan.Sweep;

/// <summary>
/// What lets Orleans 10.4 run in the native AOT caravan (it is not AOT compatible upstream, dotnet/orleans#9639), added
/// to every silo and client: a grain reference provider that needs no Reflection.Emit, a type manifest without the
/// codecs of types the binary does not contain, and closed registrations of the serializer services Orleans registers as
/// open generics over value types (the instantiations themselves are rooted by Caravan.Cli's Orleans.rd.xml). None
/// changes anything in the JIT build: the provider creates the same references, and the manifest filter and the closed
/// registrations only apply where dynamic code is not supported (the native binary).
/// </summary>
internal static class OrleansNativeAot
{
    /// <summary>Adds them to the services of a silo or client.</summary>
    public static void AddTo(IServiceCollection services)
    {
        // First in the list, so Orleans' DynamicMethod-based provider is only asked for what this one leaves.
        services.Insert(0, ServiceDescriptor.Singleton<IGrainReferenceActivatorProvider, ProxyReferenceActivatorProvider>());
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // Only the native binary can lack a codec's types; the JIT build would read every codec's interfaces for nothing.
            services.PostConfigure<TypeManifestOptions>(DropUnloadableCodecs);
            AddClosedValueTypeServices(services);
        }
    }

    // Orleans registers its serializer services as open generics (IDeepCopier<> → CopierHolder<>, IFieldCodec<> →
    // FieldCodecHolder<>, IValueSerializer<> → ValueSerializerHolder<>); the dependency injection container refuses to
    // close an open generic over a value type in the native binary ("Unable to create a generic service ... is a
    // ValueType"), which failed the copy of the membership table's bool answers. The value-type instantiations a silo
    // and a client resolve (listed from a JIT silo and client running a sweep) are registered closed instead, with the
    // same implementation and lifetime; Orleans.rd.xml (Caravan.Cli) has the AOT compiler generate each of them.
    [UnconditionalSuppressMessage("Trimming", "IL2077", Justification = "Every listed implementation is rooted with its constructors by Orleans.rd.xml.")]
    private static void AddClosedValueTypeServices(IServiceCollection services)
    {
        foreach (var (service, implementation) in ClosedValueTypeServices())
        {
            var open = service.GetGenericTypeDefinition();
            var lifetime = services.LastOrDefault(d => d.ServiceType == open)?.Lifetime ?? ServiceLifetime.Singleton;
            services.Add(new ServiceDescriptor(service, implementation, lifetime));
        }
    }

    /// <summary>The closed serializer services over value types, with Orleans' implementation of each (the ones this Orleans has).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2057", Justification = "Every listed type is rooted by Orleans.rd.xml.")]
    internal static IEnumerable<(Type Service, Type Implementation)> ClosedValueTypeServices()
    {
        foreach (var (serviceName, implementationName) in ValueTypeServices)
        {
            if (Type.GetType(serviceName) is { } service && Type.GetType(implementationName) is { } implementation)
            {
                yield return (service, implementation);
            }
        }
    }

    /// <summary>How many services <see cref="ClosedValueTypeServices"/> lists.</summary>
    internal static int ValueTypeServiceCount => ValueTypeServices.Length;

    private static readonly (string Service, string Implementation)[] ValueTypeServices =
    [
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[Orleans.GrainDirectory.AddressAndTag,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[Orleans.GrainDirectory.AddressAndTag,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[Orleans.Runtime.ManifestHash,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[Orleans.Runtime.ManifestHash,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[Orleans.Runtime.SiloStatus,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[Orleans.Runtime.SiloStatus,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Boolean,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Boolean,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Byte,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Byte,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Char,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Char,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.DateTime,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.DateTime,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.DateTimeOffset,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.DateTimeOffset,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Decimal,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Decimal,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Double,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Double,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Guid,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Guid,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Int16,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Int16,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Int32,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Int32,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Int64,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Int64,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.SByte,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.SByte,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.Single,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.Single,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.TimeSpan,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.TimeSpan,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.UInt16,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.UInt16,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.UInt32,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.UInt32,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.UInt64,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.UInt64,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Cloning.IDeepCopier`1[[System.ValueTuple`2[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions],[System.Int32,System.Private.CoreLib]],System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+CopierHolder`1[[System.ValueTuple`2[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions],[System.Int32,System.Private.CoreLib]],System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.GrainDirectory.AddressAndTag,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.GrainDirectory.AddressAndTag,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.GrainDirectory.UnregistrationCause,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.GrainDirectory.UnregistrationCause,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.Runtime.GrainInterfaceType,Orleans.Core.Abstractions]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.Runtime.GrainInterfaceType,Orleans.Core.Abstractions]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.Runtime.GrainType,Orleans.Core.Abstractions]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.Runtime.GrainType,Orleans.Core.Abstractions]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.Runtime.ManifestHash,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.Runtime.ManifestHash,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.Runtime.Messaging.NetworkProtocolVersion,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.Runtime.Messaging.NetworkProtocolVersion,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[Orleans.Runtime.SiloStatus,Orleans.Core]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[Orleans.Runtime.SiloStatus,Orleans.Core]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Boolean,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Boolean,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Byte,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Byte,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Char,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Char,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.DateTime,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.DateTime,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.DateTimeOffset,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.DateTimeOffset,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Decimal,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Decimal,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Double,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Double,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Guid,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Guid,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Int16,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Int16,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Int32,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Int32,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Int64,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Int64,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.SByte,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.SByte,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.Single,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.Single,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.TimeSpan,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.TimeSpan,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.UInt16,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.UInt16,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.UInt32,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.UInt32,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.UInt64,System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.UInt64,System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Codecs.IFieldCodec`1[[System.ValueTuple`2[[System.Collections.Immutable.ImmutableHashSet`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]],System.Collections.Immutable],[System.Int64,System.Private.CoreLib]],System.Private.CoreLib]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+FieldCodecHolder`1[[System.ValueTuple`2[[System.Collections.Immutable.ImmutableHashSet`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]],System.Collections.Immutable],[System.Int64,System.Private.CoreLib]],System.Private.CoreLib]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.FrozenSetSurrogate`1[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.FrozenSetSurrogate`1[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.GrainInterfaceType,Orleans.Core.Abstractions],[Orleans.Metadata.GrainInterfaceProperties,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.GrainInterfaceType,Orleans.Core.Abstractions],[Orleans.Metadata.GrainInterfaceProperties,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.GrainType,Orleans.Core.Abstractions],[Orleans.Metadata.GrainProperties,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.GrainType,Orleans.Core.Abstractions],[Orleans.Metadata.GrainProperties,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions],[Orleans.MembershipEntry,Orleans.Core]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions],[Orleans.MembershipEntry,Orleans.Core]],Orleans.Serialization]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions],[Orleans.Metadata.GrainManifest,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions],[Orleans.Metadata.GrainManifest,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions],[System.ValueTuple`2[[System.Collections.Immutable.ImmutableHashSet`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]],System.Collections.Immutable],[System.Int64,System.Private.CoreLib]],System.Private.CoreLib]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[Orleans.Runtime.SiloAddress,Orleans.Core.Abstractions],[System.ValueTuple`2[[System.Collections.Immutable.ImmutableHashSet`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]],System.Collections.Immutable],[System.Int64,System.Private.CoreLib]],System.Private.CoreLib]],Orleans.Serialization]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[System.String,System.Private.CoreLib],[System.String,System.Private.CoreLib]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.ImmutableDictionarySurrogate`2[[System.String,System.Private.CoreLib],[System.String,System.Private.CoreLib]],Orleans.Serialization]], Orleans.Serialization"),
        ("Orleans.Serialization.Serializers.IValueSerializer`1[[Orleans.Serialization.Codecs.ImmutableHashSetSurrogate`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization",
         "Orleans.Serialization.ServiceCollectionExtensions+ValueSerializerHolder`1[[Orleans.Serialization.Codecs.ImmutableHashSetSurrogate`1[[Orleans.Runtime.GrainId,Orleans.Core.Abstractions]],Orleans.Serialization]], Orleans.Serialization"),
    ];

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
