using System.Runtime.InteropServices;
using Caravan.Web.Protection;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// The idle trim gives back native memory that was freed but kept by the C library: many small blocks freed around a
/// few kept ones stay resident (glibc only shrinks an arena from its top), and the trim returns their pages.
/// </summary>
public sealed class IdleMemoryTrimTests
{
    private static long ResidentAnonymousKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(8).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("no RssAnon in /proc/self/status");
    }

    [Fact]
    public void TheTrimReturnsFreedNativeBlocksThatTheCLibraryKept()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(IdleMemoryTrim.TrimNativeHeap());
            return;
        }
        // 160 MB in 4 KB blocks (below glibc's mmap threshold, so they come from an arena), written so they are resident;
        // one in 32 kept, so the free space is spread through the arena and cannot leave from its top.
        const int Blocks = 40_000, Size = 4096;
        var blocks = new IntPtr[Blocks];
        var page = new byte[Size];
        Array.Fill(page, (byte)1);
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(Size);
            Marshal.Copy(page, 0, blocks[i], Size);
        }
        try
        {
            for (var i = 0; i < Blocks; i++)
            {
                if (i % 32 != 0)
                {
                    Marshal.FreeHGlobal(blocks[i]);
                    blocks[i] = IntPtr.Zero;
                }
            }
            var before = ResidentAnonymousKb();
            Assert.True(IdleMemoryTrim.TrimNativeHeap());
            var returned = before - ResidentAnonymousKb();
            // About 155 MB was freed; other tests in this process allocate meanwhile, so ask for well over half of it.
            Assert.True(returned > 100_000, $"the trim returned {returned} kB of about 155,000 kB freed");
        }
        finally
        {
            foreach (var block in blocks)
            {
                if (block != IntPtr.Zero)
                {
                    Marshal.FreeHGlobal(block);
                }
            }
        }
    }
}
