using System.Runtime.CompilerServices;

namespace Caravan.Cli;

/// <summary>
/// What the native AOT <c>caravan</c> refuses (exit 2), with the one line that sends the user to the JIT build:
/// <c>sweep</c> and <c>silo</c>. Orleans is not AOT compatible (dotnet/orleans#9639). Caravan.Sweep already works
/// around two of its failures (OrleansNativeAot: codecs of types the binary lacks, System.ValueTuple`8 first, are
/// dropped; grain references come from the proxies' constructors, not a DynamicMethod); past those, the in-process
/// silo's first call to its own membership table system target (IMembershipTableSystemTarget) never answers, with no
/// error logged, and its start fails after the join timeout (TaskCanceledException in MembershipAgent.BecomeJoining).
/// (<c>matrix --omx</c> runs: PureHDF's reflection-picked encoders are rooted by PureHDF.rd.xml.)
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
