using System.Runtime.CompilerServices;
using SharpFuzz;

namespace Caravan.Fuzz;

/// <summary>
/// Coverage-guided fuzz harness for Caravan's readers (AFL++ through SharpFuzz, out of process).
/// <code>
/// Caravan.Fuzz --instrument bin/.../Caravan.dll [more.dll]   instrument assemblies in place (run once per build)
/// Caravan.Fuzz &lt;target&gt;                                    serve afl-fuzz (input on each run)
/// Caravan.Fuzz &lt;target&gt; --run file...                      run inputs once in-process (reproduce a crash)
/// Caravan.Fuzz &lt;target&gt; --inprocess [--runs N] [--seconds S] [--seed X] [--corpus dir] [--out dir] [--dict file]
///                                                            coverage-guided loop in this process (InProcessFuzzer)
/// Caravan.Fuzz &lt;target&gt; --stability PASSES file...         edges that vary for the same input (InProcessFuzzer.Stability)
/// Caravan.Fuzz --list                                        list the targets
/// </code>
/// The contract under test: a reader returns normally or throws CaravanDataException with at least one diagnostic
/// naming a file. Any other exception is a crash; afl-fuzz's timeout finds hangs.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Caravan.Fuzz <target> [--run file...] | --instrument dll... | --list");
            return 2;
        }
        if (args[0] == "--instrument")
        {
            return Instrument(args[1..]);
        }
        return RunTargets(args);
    }

    // Kept apart from Main so instrumenting Caravan.dll does not load it first.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Instrument(string[] assemblies)
    {
        foreach (var path in assemblies)
        {
            Fuzzer.Instrument(path, _ => true, Options.Value);
            Console.WriteLine($"instrumented {path}");
        }
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunTargets(string[] args)
    {
        if (args[0] == "--list")
        {
            foreach (var name in Targets.Names)
            {
                Console.WriteLine(name);
            }
            return 0;
        }
        if (!Targets.TryGet(args[0], out var target))
        {
            Console.Error.WriteLine($"unknown target '{args[0]}'; targets: {string.Join(", ", Targets.Names)}");
            return 2;
        }
        if (args.Length > 1 && args[1] == "--inprocess")
        {
            return InProcess(args[0], target, args[2..]);
        }
        if (args.Length > 2 && args[1] == "--stability")
        {
            // Caravan.Fuzz <target> --stability PASSES file... : edges that depend on what ran before in the process.
            var passes = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            return InProcessFuzzer.Stability(target, args[3..], Math.Max(2, passes));
        }
        if (args.Length > 1 && args[1] == "--run")
        {
            var failed = 0;
            foreach (var file in args[2..])
            {
                try
                {
                    var outcome = target(File.ReadAllBytes(file));
                    Console.WriteLine($"{file}: {outcome}");
                }
                catch (Exception e)
                {
                    failed++;
                    Console.WriteLine($"{file}: CRASH {e}");
                }
            }
            return failed == 0 ? 0 : 1;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    private static int InProcess(string name, Func<byte[], string> target, string[] options)
    {
        var fuzzDir = Path.Combine(Targets.Root, "tests", "fuzz");
        var settings = new InProcessFuzzer.Settings(
            name,
            Path.Combine(fuzzDir, "corpus", name),
            Path.Combine(fuzzDir, "findings", "inprocess", name),
            MaxRuns: 0,
            MaxSeconds: 0,
            Seed: 1,
            Dictionary: Path.Combine(fuzzDir, "dict", name.StartsWith("tntp", StringComparison.Ordinal) ? "tntp.dict" : "csv.dict"));
        for (var i = 0; i + 1 < options.Length; i += 2)
        {
            var value = options[i + 1];
            settings = options[i] switch
            {
                "--runs" => settings with { MaxRuns = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--seconds" => settings with { MaxSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--seed" => settings with { Seed = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--corpus" => settings with { Corpus = value },
                "--out" => settings with { Output = value },
                "--dict" => settings with { Dictionary = value },
                _ => throw new ArgumentException($"unknown option '{options[i]}'"),
            };
        }
        if (options.Length % 2 != 0)
        {
            throw new ArgumentException($"option '{options[^1]}' needs a value");
        }
        return InProcessFuzzer.Run(target, settings);
    }
}
