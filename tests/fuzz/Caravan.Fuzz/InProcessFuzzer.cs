using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Caravan.Fuzz;

/// <summary>
/// A coverage-guided fuzzer that runs a target in this process, in a loop: no process, pipe or fork per input,
/// so it runs many times faster than afl-fuzz's out-of-process mode on the same machine. It reads the edge map
/// that SharpFuzz's instrumentation writes (<c>SharpFuzz.Common.Trace.SharedMem</c>, AFL's layout: 64 KiB of
/// hit counters indexed by branch-pair id), keeps an input when it reaches a new edge or a new hit-count bucket,
/// and mutates the kept inputs (bit and byte flips, interesting bytes and numbers, block delete/duplicate/insert,
/// dictionary tokens, splices). Any exception that escapes the target is a crash (the target turns a kept
/// contract into a return); an input running longer than the hang limit is a hang. Both are saved as files.
/// </summary>
internal static unsafe class InProcessFuzzer
{
    private const int MapSize = 1 << 16;
    private const int MaxInputBytes = 256 * 1024;

    private static readonly byte[] InterestingBytes = "\0\u00FF\u007F\u0080\n\r,;\"'-+.0123456789eE \t#~:<>[]{}|\\/"u8.ToArray().Concat(new byte[] { 0xEF, 0xBB, 0xBF, 0xFE, 0xFF, 0xC3, 0x28 }).ToArray();

    private static readonly string[] InterestingNumbers =
        ["0", "-0", "1", "-1", "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e-320", "4e303", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e100", "1e-100", "0.0", "00000000000000000001", "1.7976931348623157E+308", "9999", "50000000", ""];

    /// <summary>Options of a run.</summary>
    /// <param name="Target">The target's name (for files and messages).</param>
    /// <param name="Corpus">Folder of seed inputs.</param>
    /// <param name="Output">Folder for queue/, crashes/, hangs/ and stats.</param>
    /// <param name="MaxRuns">Stop after this many executions (0: no limit).</param>
    /// <param name="MaxSeconds">Stop after this many seconds (0: no limit).</param>
    /// <param name="Seed">Seed of the mutation generator (a run is repeatable up to timing).</param>
    /// <param name="Dictionary">An AFL dictionary file of format tokens, or null.</param>
    /// <param name="HangSeconds">An input taking longer than this is a hang.</param>
    public sealed record Settings(string Target, string Corpus, string Output, long MaxRuns, int MaxSeconds, int Seed, string? Dictionary, int HangSeconds = 10);

    /// <summary>Runs the fuzzer; returns 0 when no crash or hang was found, 1 otherwise.</summary>
    public static int Run(Func<byte[], string> target, Settings s)
    {
        var map = (byte*)NativeMemory.AllocZeroed(MapSize);
        SharpFuzz.Common.Trace.SharedMem = map;
        var virgin = new byte[MapSize];
        var random = new Random(s.Seed);
        var dictionary = s.Dictionary is null ? [] : ReadDictionary(s.Dictionary);
        var queue = new List<byte[]>();
        foreach (var dir in new[] { "queue", "crashes", "hangs" })
        {
            Directory.CreateDirectory(Path.Combine(s.Output, dir));
        }
        var crashKeys = new HashSet<string>(StringComparer.Ordinal);
        long execs = 0;
        var crashes = 0;
        var clock = Stopwatch.StartNew();
        byte[] current = [];
        var started = Stopwatch.GetTimestamp();
        var running = 0;
        var hung = 0;
        var stop = 0;

        // SIGTERM or Ctrl+C ends the run after the current input, with its stats written.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            Volatile.Write(ref stop, 1);
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        // The watchdog: the loop marks when an input started; an input that runs past the limit is saved as a hang
        // and ends the process (a hung reader cannot be stopped from inside).
        var watchdog = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(250);
                if (Volatile.Read(ref running) == 1 && Stopwatch.GetElapsedTime(Volatile.Read(ref started)).TotalSeconds > s.HangSeconds)
                {
                    var input = Volatile.Read(ref current);
                    File.WriteAllBytes(Path.Combine(s.Output, "hangs", Name(input)), input);
                    Interlocked.Exchange(ref hung, 1);
                    Console.Error.WriteLine($"{s.Target}: HANG (input over {s.HangSeconds} s) saved in {s.Output}/hangs/{Name(input)}");
                    WriteStats(s, execs, clock.Elapsed.TotalSeconds, Edges(virgin), queue.Count, crashes, 1);
                    Environment.Exit(3);
                }
            }
        })
        { IsBackground = true };
        watchdog.Start();

        bool Execute(byte[] input)
        {
            new Span<byte>(map, MapSize).Clear();
            SharpFuzz.Common.Trace.PrevLocation = 0;
            Volatile.Write(ref current, input);
            Volatile.Write(ref started, Stopwatch.GetTimestamp());
            Volatile.Write(ref running, 1);
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                var key = e.GetType().FullName + "|" + FirstFrame(e);
                if (crashKeys.Count < 50 && crashKeys.Add(key))
                {
                    var name = Name(input);
                    File.WriteAllBytes(Path.Combine(s.Output, "crashes", name), input);
                    File.WriteAllText(Path.Combine(s.Output, "crashes", name + ".txt"), e.ToString());
                    Console.Error.WriteLine($"{s.Target}: CRASH {e.GetType().Name}: {e.Message} → {s.Output}/crashes/{name}");
                }
                crashes++;
            }
            finally
            {
                Volatile.Write(ref running, 0);
                execs++;
            }
            return NewCoverage(map, virgin);
        }

        foreach (var file in Directory.Exists(s.Corpus) ? Directory.GetFiles(s.Corpus).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var seed = File.ReadAllBytes(file);
            Execute(seed);
            queue.Add(seed);
        }
        if (queue.Count == 0)
        {
            queue.Add([]);
            Execute([]);
        }
        Console.Error.WriteLine($"{s.Target}: {queue.Count} seeds, {Edges(virgin)} edges");
        var lastReport = clock.Elapsed;
        while (Volatile.Read(ref stop) == 0 && (s.MaxRuns == 0 || execs < s.MaxRuns) && (s.MaxSeconds == 0 || clock.Elapsed.TotalSeconds < s.MaxSeconds))
        {
            var input = Mutate(queue[random.Next(queue.Count)], queue, dictionary, random);
            if (Execute(input))
            {
                queue.Add(input);
                File.WriteAllBytes(Path.Combine(s.Output, "queue", Name(input)), input);
            }
            if ((clock.Elapsed - lastReport).TotalSeconds >= 30)
            {
                lastReport = clock.Elapsed;
                Console.Error.WriteLine($"{s.Target}: {execs:N0} execs, {clock.Elapsed.TotalSeconds:F0} s, {execs / clock.Elapsed.TotalSeconds:F0}/s, {Edges(virgin)} edges, {queue.Count} in queue, {crashes} crashes");
            }
        }
        WriteStats(s, execs, clock.Elapsed.TotalSeconds, Edges(virgin), queue.Count, crashes, hung);
        NativeMemory.Free(map);
        return crashes == 0 ? 0 : 1;
    }

    /// <summary>
    /// Measures what AFL calls stability, in one process: every input of <paramref name="inputs"/> is run
    /// <paramref name="passes"/> times, the first pass in file order and each later one in reverse order, so an
    /// edge whose hit-count bucket for the same input changes between passes depends on what ran before (a static
    /// cache, a lazily built table, pooled state). Prints the share of touched edges that never varied and the
    /// variable edges' map indices; returns 0.
    /// </summary>
    public static int Stability(Func<byte[], string> target, IReadOnlyList<string> inputs, int passes)
    {
        var map = (byte*)NativeMemory.AllocZeroed(MapSize);
        SharpFuzz.Common.Trace.SharedMem = map;
        var first = new byte[inputs.Count][];
        var touched = new bool[MapSize];
        var variable = new bool[MapSize];
        var firstRunOnly = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            for (var k = 0; k < inputs.Count; k++)
            {
                var i = pass == 0 ? k : inputs.Count - 1 - k;
                new Span<byte>(map, MapSize).Clear();
                SharpFuzz.Common.Trace.PrevLocation = 0;
                try
                {
                    target(File.ReadAllBytes(inputs[i]));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A crash is the fuzzer's business; here only the edges count.
                }
                var buckets = new byte[MapSize];
                for (var e = 0; e < MapSize; e++)
                {
                    buckets[e] = Bucket(map[e]);
                    touched[e] |= buckets[e] != 0;
                }
                if (pass == 0)
                {
                    first[i] = buckets;
                    continue;
                }
                for (var e = 0; e < MapSize; e++)
                {
                    if (buckets[e] != first[i][e] && !variable[e])
                    {
                        variable[e] = true;
                        firstRunOnly += (i == 0 && first[i][e] != 0 && buckets[e] == 0) ? 1 : 0;
                    }
                }
            }
        }
        var touchedCount = touched.Count(t => t);
        var variableCount = variable.Count(v => v);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stability: {inputs.Count} inputs × {passes} passes, {touchedCount} edges touched, {variableCount} variable ({firstRunOnly} hit only by the process's very first input), stability {100.0 * (touchedCount - variableCount) / Math.Max(1, touchedCount):F1}%"));
        NativeMemory.Free(map);
        return 0;
    }

    private static void WriteStats(Settings s, long execs, double seconds, int edges, int queue, int crashes, int hangs)
    {
        var line = $"{s.Target} execs={execs} seconds={seconds:F0} execs_per_sec={execs / Math.Max(seconds, 1e-9):F0} edges={edges} queue={queue} crashes={crashes} hangs={hangs} seed={s.Seed}";
        File.WriteAllText(Path.Combine(s.Output, "stats"), line + "\n");
        Console.WriteLine(line);
    }

    private static string Name(byte[] input) => Convert.ToHexStringLower(SHA256.HashData(input))[..16];

    private static string FirstFrame(Exception e) =>
        new StackTrace(e).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m is not null) is { } m ? $"{m.DeclaringType?.FullName}.{m.Name}" : "";

    /// <summary>AFL's hit-count buckets: a new bucket on an edge is new behaviour (a loop running more often).</summary>
    private static byte Bucket(byte hits) => hits switch
    {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 4,
        < 8 => 8,
        < 16 => 16,
        < 32 => 32,
        < 128 => 64,
        _ => 128,
    };

    private static bool NewCoverage(byte* map, byte[] virgin)
    {
        var found = false;
        var words = (ulong*)map;
        for (var w = 0; w < MapSize / 8; w++)
        {
            if (words[w] == 0)
            {
                continue;
            }
            for (var i = w * 8; i < (w * 8) + 8; i++)
            {
                var b = Bucket(map[i]);
                if (b != 0 && (virgin[i] & b) == 0)
                {
                    virgin[i] |= b;
                    found = true;
                }
            }
        }
        return found;
    }

    private static int Edges(byte[] virgin) => virgin.Count(v => v != 0);

    private static byte[] Mutate(byte[] parent, List<byte[]> queue, IReadOnlyList<byte[]> dictionary, Random r)
    {
        var data = new List<byte>(parent);
        var steps = 1 << r.Next(4);
        for (var k = 0; k < steps; k++)
        {
            var pos = data.Count == 0 ? 0 : r.Next(data.Count);
            switch (r.Next(12))
            {
                case 0 when data.Count > 0:
                    data[pos] ^= (byte)(1 << r.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[pos] = (byte)r.Next(256);
                    break;
                case 2 when data.Count > 0:
                    data[pos] = InterestingBytes[r.Next(InterestingBytes.Length)];
                    break;
                case 3 when data.Count > 1:
                    data.RemoveRange(pos, Math.Min(data.Count - pos, 1 + r.Next(Math.Min(64, data.Count))));
                    break;
                case 4 when data.Count > 0:
                    {
                        var len = Math.Min(data.Count - pos, 1 + r.Next(Math.Min(256, data.Count)));
                        data.InsertRange(r.Next(data.Count + 1), data.GetRange(pos, len));
                        break;
                    }
                case 5:
                    data.Insert(pos, InterestingBytes[r.Next(InterestingBytes.Length)]);
                    break;
                case 6 when dictionary.Count > 0:
                    data.InsertRange(pos, dictionary[r.Next(dictionary.Count)]);
                    break;
                case 7 when dictionary.Count > 0 && data.Count > 0:
                    {
                        var token = dictionary[r.Next(dictionary.Count)];
                        for (var i = 0; i < token.Length && pos + i < data.Count; i++)
                        {
                            data[pos + i] = token[i];
                        }
                        break;
                    }
                case 8 when data.Count > 0:
                    ReplaceNumber(data, pos, r);
                    break;
                case 9 when queue.Count > 1:
                    {
                        // Splice: this input's head with another's tail.
                        var other = queue[r.Next(queue.Count)];
                        if (other.Length > 0)
                        {
                            var cut = r.Next(other.Length);
                            data.RemoveRange(pos, data.Count - pos);
                            data.AddRange(other.AsSpan(cut).ToArray());
                        }
                        break;
                    }
                case 10 when data.Count > 0:
                    {
                        // Repeat a line or a field many times: long rows, many rows.
                        var len = Math.Min(data.Count - pos, 1 + r.Next(Math.Min(80, data.Count)));
                        var chunk = data.GetRange(pos, len);
                        var times = 2 + r.Next(64);
                        for (var t = 0; t < times && data.Count + chunk.Count < MaxInputBytes; t++)
                        {
                            data.InsertRange(pos, chunk);
                        }
                        break;
                    }
                default:
                    if (data.Count > 0)
                    {
                        data[pos] = (byte)(data[pos] + r.Next(-16, 17));
                    }
                    else
                    {
                        data.Add((byte)r.Next(256));
                    }
                    break;
            }
        }
        if (data.Count > MaxInputBytes)
        {
            data.RemoveRange(MaxInputBytes, data.Count - MaxInputBytes);
        }
        return [.. data];
    }

    /// <summary>Replaces the number (or field) around <paramref name="pos"/> by an interesting one.</summary>
    private static void ReplaceNumber(List<byte> data, int pos, Random r)
    {
        static bool IsField(byte b) => b is not ((byte)',' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)' ' or (byte)';');
        var start = pos;
        while (start > 0 && IsField(data[start - 1]))
        {
            start--;
        }
        var end = pos;
        while (end < data.Count && IsField(data[end]))
        {
            end++;
        }
        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.ASCII.GetBytes(InterestingNumbers[r.Next(InterestingNumbers.Length)]));
    }

    /// <summary>Reads an AFL dictionary: lines <c>name="value"</c> with <c>\xNN</c>, <c>\\</c> and <c>\"</c> escapes.</summary>
    private static List<byte[]> ReadDictionary(string path)
    {
        var tokens = new List<byte[]>();
        foreach (var line in File.ReadLines(path))
        {
            var open = line.IndexOf('"', StringComparison.Ordinal);
            var close = line.LastIndexOf('"');
            if (line.TrimStart().StartsWith('#') || open < 0 || close <= open)
            {
                continue;
            }
            var body = line[(open + 1)..close];
            var bytes = new List<byte>();
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '\\' && i + 1 < body.Length)
                {
                    if (body[i + 1] == 'x' && i + 3 < body.Length)
                    {
                        bytes.Add(Convert.ToByte(body.Substring(i + 2, 2), 16));
                        i += 3;
                        continue;
                    }
                    bytes.Add((byte)body[i + 1]);
                    i++;
                    continue;
                }
                bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString()));
            }
            tokens.Add([.. bytes]);
        }
        return tokens;
    }
}
