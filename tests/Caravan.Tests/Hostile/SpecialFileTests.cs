using System.Diagnostics;
using Caravan.Data;
using Caravan.Data.Tntp;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Hostile;

/// <summary>
/// Data files that are not regular files: a FIFO (reading it would wait for a writer for ever) and a link to
/// <c>/dev/zero</c> (endless) are reported as diagnostics naming the file, by every reader, at once.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly string _folder = TestPaths.CopyMini();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void MakeFifo(string path)
    {
        File.Delete(path);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    private static void LinkToZero(string path)
    {
        File.Delete(path);
        File.CreateSymbolicLink(path, "/dev/zero");
    }

    /// <summary>Runs a read with a watchdog, so a regression fails the test instead of hanging the suite.</summary>
    private static CaravanDataException Refused(Action read)
    {
        var task = Task.Run(() => Assert.Throws<CaravanDataException>(read));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the reader blocked on a special file");
        return task.Result;
    }

    [Theory]
    [InlineData("links.csv", true)]
    [InlineData("links.csv", false)]
    [InlineData("places.csv", true)]
    [InlineData("sources.csv", false)]
    public void NetworkReaderRefusesFifosAndDevices(string file, bool fifo)
    {
        var path = Path.Combine(_folder, file);
        if (fifo)
        {
            MakeFifo(path);
        }
        else
        {
            LinkToZero(path);
        }
        var e = Refused(() => NetworkReader.ReadFolder(_folder));
        var d = Assert.Single(e.Diagnostics, d => d.File.EndsWith(file, StringComparison.Ordinal));
        Assert.Contains("not a regular file", d.Message, StringComparison.Ordinal);
        Assert.Contains(fifo ? "FIFO" : "character device", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TntpReadersRefuseFifosAndDevices()
    {
        var net = Path.Combine(_folder, "x_net.tntp");
        MakeFifo(net);
        Assert.Contains("not a regular file", Refused(() => TntpNetReader.Read(net)).Diagnostics[0].Message, StringComparison.Ordinal);
        var trips = Path.Combine(_folder, "x_trips.tntp");
        LinkToZero(trips);
        Assert.Contains("not a regular file", Refused(() => TntpTripsReader.Read(trips)).Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteCapHoldsWhenTheFileIsLargerThanAllowed()
    {
        var path = Path.Combine(_folder, "big.csv");
        File.WriteAllBytes(path, new byte[4096]);
        var bag = new DiagnosticBag();
        Assert.Null(DataFile.ReadAllBytes(path, "big.csv", bag, maxBytes: 1024));
        Assert.Contains("at most 1024 bytes", bag[0].Message, StringComparison.Ordinal);
        Assert.Equal("big.csv", bag[0].File);
    }

    [Fact]
    public void CliValidateAndRouteExitTwoOnAFifo()
    {
        MakeFifo(Path.Combine(_folder, "links.csv"));
        foreach (var args in new[] { new[] { "validate", _folder }, ["route", "--from", "xian", "--to", "DEDUI", "--data", _folder] })
        {
            var r = CliProcess.Run(args);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("links.csv", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("not a regular file", r.Stderr, StringComparison.Ordinal);
        }
    }
}
