using System.Runtime.CompilerServices;

namespace Caravan.Cli;

/// <summary>
/// What the native AOT <c>caravan</c> refuses (exit 2), with the one line that sends the user to the JIT build:
/// <c>sweep</c> and <c>silo</c>. Orleans builds its serializers from each application part's generated metadata and
/// reads their interfaces (CodecProvider.ConsumeMetadata), which needs metadata of BCL types nothing else uses
/// (TypeLoadException for System.ValueTuple`8 first), even with its assemblies kept whole; past that, it creates every
/// grain reference through a DynamicMethod (GrainReferenceActivatorProvider), which native AOT throws on. Upstream:
/// dotnet/orleans#9639 (Orleans is not AOT compatible). (<c>matrix --omx</c> runs: PureHDF's reflection-picked
/// encoders are rooted by PureHDF.rd.xml.)
/// </summary>
internal static class NativeAotLimits
{
    /// <summary>How to get the build that runs everything (README, Install).</summary>
    public const string JitInstall = "install the JIT build: dotnet pack src/Caravan.Cli -c Release -o out && dotnet tool install --global --add-source out Caravan.Cli (README, Install)";

    /// <summary>True in the native AOT build.</summary>
    public static bool IsNativeAot => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>Refuses <paramref name="feature"/> in the native AOT build, naming the JIT install path.</summary>
    /// <exception cref="CliInputException">Running in the native AOT build.</exception>
    public static void Refuse(string feature, string because)
    {
        if (IsNativeAot)
        {
            throw new CliInputException($"{feature} does not run in the native AOT caravan ({because}); {JitInstall}");
        }
    }
}
