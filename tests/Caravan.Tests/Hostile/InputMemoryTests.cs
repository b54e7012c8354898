using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Caravan.Tests.Hostile;

/// <summary>
/// Peak memory follows the input's size: routing on a network whose links.csv is 48 MB (the embedded links repeated
/// with new ids, 230 k links) stays within 4 × the file plus the peak of the same command on the embedded network
/// and 50 MB. Before the links were streamed into the build it took about 11 × the file (2.40 GB for 210 MB). The
/// peak is the child's maximum resident set size as the kernel counts it (getrusage of the one waited-for child).
/// </summary>
public sealed class InputMemoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "caravan-memory-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void RoutingABigLinksFileStaysWithinFourTimesItsSize()
    {
        var big = Path.Combine(_folder, "big");
        Directory.CreateDirectory(big);
        foreach (var f in Directory.GetFiles(TestPaths.Data, "*.csv"))
        {
            File.Copy(f, Path.Combine(big, Path.GetFileName(f)));
        }
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "links.csv"));
        var rows = lines.Skip(1).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).ToArray();
        long size;
        using (var w = new StreamWriter(Path.Combine(big, "links.csv"), false, new UTF8Encoding(false)))
        {
            w.Write(lines[0] + "\n");
            // The first copy keeps the ids services.csv names; the others get new ones.
            for (var k = 0; w.BaseStream.Length < 48L << 20; k++)
            {
                foreach (var row in rows)
                {
                    var comma = row.IndexOf(',', StringComparison.Ordinal);
                    w.Write(k == 0 ? row : row[..comma] + "-" + k.ToString(CultureInfo.InvariantCulture) + row[comma..]);
                    w.Write('\n');
                }
                w.Flush();
            }
            size = w.BaseStream.Length;
        }
        var basePeak = PeakBytes(TestPaths.Data).Peak;
        var (peak, code, stderr) = PeakBytes(big);
        Assert.True(code is 0 or 2, stderr);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        var limit = (4 * size) + basePeak + (50L << 20);
        Assert.True(peak <= limit, $"peak {peak >> 20} MB for a {size >> 20} MB links.csv; limit {limit >> 20} MB (embedded network: {basePeak >> 20} MB)");
    }

    /// <summary>Runs <c>caravan route</c> on a folder under a python3 wrapper that reports the child's peak RSS.</summary>
    private static (long Peak, int Code, string Stderr) PeakBytes(string folder)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-c",
            "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
            "dotnet", Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"), "route", "--from", "xian", "--to", "DEDUI", "--data", folder, "--time-limit", "2",
        })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(300_000), "caravan route did not finish in 300 s");
        var parts = stdout.Result.Trim().Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024, int.Parse(parts[0], CultureInfo.InvariantCulture), stderr.Result);
    }
}
