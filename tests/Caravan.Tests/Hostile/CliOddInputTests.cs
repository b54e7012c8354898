using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Hostile;

/// <summary>
/// Every input path a <c>caravan</c> command takes, given as a careless user or a script gone wrong would give it:
/// missing, empty, binary garbage, or a folder where a file belongs (and, for folder options, a missing folder, an
/// empty one, or a file). Each must end with exit 2 and an error naming what was given — never exit 1 ("internal
/// error"), a stack trace, a hang, or exit 0 as if nothing were wrong. The readers are tested one by one elsewhere;
/// this holds the commands that wire them.
/// </summary>
public sealed class CliOddInputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "caravan-odd-" + Guid.NewGuid().ToString("N"));

    public CliOddInputTests() => Directory.CreateDirectory(_folder);

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

    /// <summary>A command line with <c>{F}</c> where the odd path goes.</summary>
    public static TheoryData<string, string> FileOptions() => Cases(
        [
            "route --batch {F}",
            "route --from xian --to duisburg --scenario {F}",
            "calibrate --cases {F}",
            "calibrate --rates {F}",
            "calibrate --volumes {F}",
            "calibrate --volumes ../data/calibration-volumes.csv --demand {F}",
            "flows --demand {F}",
            "flows --parameters {F}",
            "flows --volumes {F}",
            "assign --demand {F}",
            "compare base northern-closed --pairs {F}",
            "sweep {F}",
        ],
        ["missing", "empty", "binary", "folder"]);

    /// <summary>A command line with <c>{F}</c> where an odd folder goes.</summary>
    public static TheoryData<string, string> FolderOptions() => Cases(
        [
            "route --from xian --to duisburg --data {F}",
            "validate {F}",
            "matrix --from all --to all --data {F}",
            "assign --tntp {F}",
            "convert --from-gmns {F} --to geojson -o {OUT}",
            "scenarios --data {F}",
        ],
        ["missing", "empty-folder", "file"]);

    private static TheoryData<string, string> Cases(string[] lines, string[] kinds)
    {
        var data = new TheoryData<string, string>();
        foreach (var line in lines)
        {
            foreach (var kind in kinds)
            {
                data.Add(line, kind);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FileOptions))]
    public void AnOddFileIsAnInputError(string line, string kind) => AssertInputError(line, kind);

    [Theory]
    [MemberData(nameof(FolderOptions))]
    public void AnOddFolderIsAnInputError(string line, string kind) => AssertInputError(line, kind);

    /// <summary>
    /// Values out of range or not values at all, one per kind of option; each is refused naming its option. The
    /// freight years were unchecked on the CLI (flows and assign --demand ran "year 1800") and the web held its own
    /// range (1990–2100) beside the engine's (1900–2200).
    /// </summary>
    [Theory]
    [InlineData("flows --year 1800", "--year")]
    [InlineData("assign --demand ../data/demand/eurasia-2024.csv --year 3000", "--year")]
    [InlineData("route --from xian --to duisburg --quantity NaN", "--quantity")]
    [InlineData("route --from xian --to duisburg --depart 9999-12-31T23:59", "--depart")]
    [InlineData("route --from xian --to duisburg --max-labels -1", "--max-labels")]
    [InlineData("route --from xian --to duisburg --container 99XX", "--container")]
    [InlineData("matrix --from all --to all --value-of-time 1e308", "--value-of-time")]
    [InlineData("reach --from xian --within 1e400d", "--within")]
    [InlineData("places --near 91,0", "--near")]
    [InlineData("flows --top 0", "--top")]
    public void AnOutOfRangeValueIsAnInputError(string line, string option)
    {
        var args = line.Split(' ').Select(a => a.Replace("../data/", TestPaths.Data + "/", StringComparison.Ordinal)).ToArray();
        var r = CliProcess.Run(args);
        Assert.True(r.ExitCode == 2, $"caravan {line}\nexit {r.ExitCode}\nstderr: {r.Stderr}");
        Assert.Contains(option, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    private void AssertInputError(string line, string kind)
    {
        var name = "odd-" + kind + (line.Contains("--scenario", StringComparison.Ordinal) || line.StartsWith("sweep", StringComparison.Ordinal) ? ".json" : ".csv");
        var path = Path.Combine(_folder, name);
        Make(path, kind);
        var args = line.Split(' ')
            .Select(a => a.Replace("{F}", path, StringComparison.Ordinal)
                .Replace("{OUT}", Path.Combine(_folder, "out.geojson"), StringComparison.Ordinal)
                .Replace("../data/", TestPaths.Data + "/", StringComparison.Ordinal))
            .ToArray();
        var r = CliProcess.Run(args);
        var said = $"caravan {string.Join(' ', args)}\nexit {r.ExitCode}\nstderr: {r.Stderr}\nstdout: {r.Stdout[..Math.Min(r.Stdout.Length, 2000)]}";
        Assert.True(r.ExitCode == 2, said);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unhandled", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        // The error names what was given, so a user with ten options on the line knows which one is wrong.
        Assert.True(r.Stderr.Contains(name, StringComparison.Ordinal) || r.Stdout.Contains(name, StringComparison.Ordinal), said);
    }

    private static void Make(string path, string kind)
    {
        switch (kind)
        {
            case "missing":
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "binary":
                var bytes = new byte[4096];
                new Random(6346).NextBytes(bytes);
                bytes[10] = 0;
                File.WriteAllBytes(path, bytes);
                break;
            case "folder":
            case "empty-folder":
                Directory.CreateDirectory(path);
                break;
            case "file":
                File.WriteAllText(path, "id,name\n1,a\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
