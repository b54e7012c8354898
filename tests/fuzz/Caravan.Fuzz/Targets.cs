using System.Diagnostics.CodeAnalysis;
using Caravan.Calibration;
using Caravan.Data;
using Caravan.Data.Tntp;
using Caravan.Data.Validation;
using Caravan.Freight;
using Caravan.Model;

namespace Caravan.Fuzz;

/// <summary>
/// One fuzz target per reader: each takes the raw bytes of a file, writes them where the reader expects its input
/// and reads it. A target returns a short outcome ("ok ...", "rejected ...") when the reader kept its contract —
/// returned normally, or threw <see cref="CaravanDataException"/> with at least one diagnostic naming a file — and
/// lets anything else escape. Shared by the AFL harness and the property and regression tests (linked source).
/// </summary>
public static class Targets
{
    /// <summary>
    /// The network target takes one byte that selects the file of the mini fixture to replace
    /// (index into <see cref="NetworkReader.FileNames"/>, modulo its length), then the file's new content.
    /// The tntp-folder target does the same over <see cref="TntpFolderFiles"/> in a copy of SiouxFalls.
    /// </summary>
    public static readonly IReadOnlyList<string> Names =
        ["network", "demand", "calibration", "tntp-net", "tntp-trips", "tntp-node", "tntp-flow", "tntp-folder"];

    /// <summary>The files of the SiouxFalls copy that the tntp-folder target's first byte selects from.</summary>
    public static readonly IReadOnlyList<string> TntpFolderFiles =
        ["SiouxFalls_net.tntp", "SiouxFalls_trips.tntp", "SiouxFalls_flow.tntp", "README.md"];

    private static readonly Lock Gate = new();
    private static readonly Lazy<string> WorkDir = new(CreateWorkDir);
    private static readonly Lazy<Network> MiniNetwork = new(() => NetworkReader.ReadFolder(MiniFolder));
    private static readonly Dictionary<string, byte[]> Originals = [];

    /// <summary>The repository root (CARAVAN_ROOT, or the first folder above the program holding Caravan.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The valid mini network fixture.</summary>
    public static string MiniFolder => Path.Combine(Root, "tests", "Caravan.Tests", "Fixtures", "mini");

    /// <summary>The SiouxFalls TNTP fixture.</summary>
    public static string SiouxFallsFolder => Path.Combine(Root, "tests", "Caravan.Tests", "Fixtures", "tntp", "SiouxFalls");

    /// <summary>Finds a target by name.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out Func<byte[], string>? target)
    {
        target = name switch
        {
            "network" => Network,
            "demand" => Demand,
            "calibration" => Calibration,
            "tntp-net" => TntpNet,
            "tntp-trips" => TntpTrips,
            "tntp-node" => TntpNode,
            "tntp-flow" => TntpFlow,
            "tntp-folder" => TntpFolderTarget,
            _ => null,
        };
        return target is not null;
    }

    /// <summary>Runs a target by name (throws <see cref="ArgumentException"/> for an unknown name).</summary>
    public static string Run(string name, byte[] input) =>
        TryGet(name, out var target) ? target(input) : throw new ArgumentException($"unknown target '{name}'", nameof(name));

    /// <summary>Replaces one file of a copy of the mini network, reads the folder and validates what loads.</summary>
    public static string Network(byte[] input)
    {
        var (file, content) = Select(input, NetworkReader.FileNames);
        lock (Gate)
        {
            var folder = CopyOnce(MiniFolder, "network");
            return WithReplaced(folder, file, content, () =>
            {
                var result = NetworkReader.TryReadFolder(folder);
                if (result.Network is null)
                {
                    // TryReadFolder reports instead of throwing; ReadFolder turns that into the exception callers see.
                    return Expect(() => NetworkReader.ReadFolder(folder));
                }
                var problems = NetworkValidator.Validate(result.Network, result.Locations);
                return $"ok: {file} → {result.Network.Places.Count} places, {result.Network.Links.Count} links, {problems.Count} validator diagnostics";
            });
        }
    }

    /// <summary>Reads a demand file against the mini network.</summary>
    public static string Demand(byte[] input) => WithFile("demand.csv", input, path => Expect(() => DemandReader.Read(path, MiniNetwork.Value)));

    /// <summary>Reads a calibration file, checking its sources against the mini network's.</summary>
    public static string Calibration(byte[] input) =>
        WithFile("calibration.csv", input, path => Expect(() => CalibrationReader.Read(path, new HashSet<string>(["T1"], StringComparer.OrdinalIgnoreCase))));

    /// <summary>Reads a TNTP <c>_net</c> file.</summary>
    public static string TntpNet(byte[] input) => WithFile("X_net.tntp", input, path => Expect(() => TntpNetReader.Read(path)));

    /// <summary>Reads a TNTP <c>_trips</c> file.</summary>
    public static string TntpTrips(byte[] input) => WithFile("X_trips.tntp", input, path => Expect(() => TntpTripsReader.Read(path)));

    /// <summary>Reads a TNTP <c>_node</c> file, ids checked against SiouxFalls' 24 nodes.</summary>
    public static string TntpNode(byte[] input) => WithFile("X_node.tntp", input, path => Expect(() => TntpNodeReader.Read(path, 24)));

    /// <summary>Reads a TNTP <c>_flow</c> file, ids checked against SiouxFalls' 24 nodes.</summary>
    public static string TntpFlow(byte[] input) => WithFile("X_flow.tntp", input, path => Expect(() => TntpFlowReader.Read(path, 24)));

    /// <summary>Replaces one file of a copy of SiouxFalls and loads the folder into an assignment problem.</summary>
    public static string TntpFolderTarget(byte[] input)
    {
        var (file, content) = Select(input, TntpFolderFiles);
        lock (Gate)
        {
            var folder = CopyOnce(SiouxFallsFolder, "tntp-folder");
            return WithReplaced(folder, file, content, () => Expect(() => TntpFolder.Load(folder)));
        }
    }

    /// <summary>Runs a read; turns a kept contract into an outcome and a broken one into an exception.</summary>
    public static string Expect<T>(Func<T> read)
    {
        try
        {
            var result = read();
            return $"ok: {result}";
        }
        catch (CaravanDataException e)
        {
            if (e.Diagnostics.Count == 0 || !e.Diagnostics.Any(d => d.File.Length > 0))
            {
                throw new ContractViolationException("CaravanDataException without a diagnostic that names a file", e);
            }
            return $"rejected: {e.Diagnostics.Count} diagnostics, first {e.Diagnostics[0]}";
        }
    }

    private static (string File, byte[] Content) Select(byte[] input, IReadOnlyList<string> files)
    {
        if (input.Length == 0)
        {
            return (files[0], []);
        }
        return (files[input[0] % files.Count], input[1..]);
    }

    private static string WithFile(string name, byte[] content, Func<string, string> read)
    {
        lock (Gate)
        {
            var path = Path.Combine(WorkDir.Value, name);
            File.WriteAllBytes(path, content);
            return read(path);
        }
    }

    private static string WithReplaced(string folder, string file, byte[] content, Func<string> read)
    {
        var path = Path.Combine(folder, file);
        var key = Path.Combine(Path.GetFileName(folder), file);
        if (!Originals.ContainsKey(key))
        {
            Originals[key] = File.Exists(path) ? File.ReadAllBytes(path) : [];
        }
        File.WriteAllBytes(path, content);
        try
        {
            return read();
        }
        finally
        {
            File.WriteAllBytes(path, Originals[key]);
        }
    }

    private static string CopyOnce(string source, string name)
    {
        var target = Path.Combine(WorkDir.Value, name);
        if (!Directory.Exists(target))
        {
            Directory.CreateDirectory(target);
            foreach (var f in Directory.GetFiles(source))
            {
                File.Copy(f, Path.Combine(target, Path.GetFileName(f)), overwrite: true);
            }
        }
        return target;
    }

    private static string CreateWorkDir()
    {
        // RAM-backed when the machine has it: a fuzzer writes a file per run.
        var baseDir = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        RemoveStaleWorkDirs(baseDir);
        var dir = Path.Combine(baseDir, $"caravan-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        };
        return dir;
    }

    // afl-fuzz kills a hung or crashed child, so its exit handler never runs: clear the folders of dead processes.
    private static void RemoveStaleWorkDirs(string baseDir)
    {
        foreach (var dir in Directory.GetDirectories(baseDir, "caravan-fuzz-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[2], out var pid) || IsRunning(pid))
            {
                continue;
            }
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("CARAVAN_ROOT") is { Length: > 0 } root)
        {
            return Path.GetFullPath(root);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Caravan.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (set CARAVAN_ROOT)");
    }
}

/// <summary>A reader threw <see cref="CaravanDataException"/> but broke the diagnostics contract.</summary>
public sealed class ContractViolationException(string message, Exception inner) : Exception(message, inner);
