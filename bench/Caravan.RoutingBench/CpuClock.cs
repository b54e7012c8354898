using System.Runtime.InteropServices;

namespace Caravan.RoutingBench;

/// <summary>
/// The calling thread's CPU time (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)): what a plan costs in CPU, steady
/// when other processes load the machine, unlike the wall clock.
/// </summary>
internal static partial class CpuClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Thread CPU time in milliseconds.</summary>
    public static double ThreadMs()
    {
        ClockGetTime(ClockThreadCpuTime, out var t);
        return (t.Seconds * 1000.0) + (t.Nanoseconds / 1e6);
    }
}
