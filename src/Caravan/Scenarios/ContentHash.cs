using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Caravan.Data;
using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>
/// The identity of the exact network a run used: SHA-256 over the base data files (name, length, bytes, in a
/// fixed order) and the canonical JSON of each overlay of the chain, base-most first. Whitespace, comments and
/// key order in an overlay do not change it; any change of a value or of a data file does.
/// </summary>
public static class ContentHash
{
    /// <summary>Prefix of every hash, naming the algorithm.</summary>
    public const string Prefix = "sha256:";

    /// <summary>Hash of a data folder and an overlay chain.</summary>
    public static string Compute(string dataFolder, IReadOnlyList<Overlay> chain)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AddDataFolder(sha, dataFolder);
        AddChain(sha, chain);
        return Prefix + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Hash of a chain on top of a base identified by its own hash (for networks built in memory).</summary>
    public static string ComputeOnBase(string baseHash, IReadOnlyList<Overlay> chain)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes("base " + baseHash + "\n"));
        AddChain(sha, chain);
        return Prefix + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void AddDataFolder(IncrementalHash sha, string dataFolder)
    {
        sha.AppendData("caravan-network-v1\n"u8);
        foreach (var name in NetworkReader.FileNames)
        {
            var path = Path.Combine(dataFolder, name);
            // The files were read (and checked) before a hash is asked for; one that cannot be read now hashes as
            // missing. Streamed in blocks: a 200 MB links.csv is never held whole for its hash.
            using var stream = DataFile.IsRegularFile(path) ? DataFile.Open(path, name, new DiagnosticBag()) : null;
            if (stream is null)
            {
                sha.AppendData(Encoding.UTF8.GetBytes(name + " missing\n"));
                continue;
            }
            // The same bytes as hashing the whole file: its length (known for a regular file), then its content.
            long length;
            using (var handle = File.OpenHandle(path))
            {
                length = RandomAccess.GetLength(handle);
            }
            sha.AppendData(Encoding.UTF8.GetBytes($"{name} {length}\n"));
            var block = new byte[1 << 16];
            try
            {
                int n;
                while ((n = stream.Read(block)) > 0)
                {
                    sha.AppendData(block, 0, n);
                }
            }
            catch (IOException)
            {
                // Changed or vanished since it was read: the hash says so rather than failing the run.
                sha.AppendData(Encoding.UTF8.GetBytes(name + " unreadable\n"));
            }
        }
    }

    private static void AddChain(IncrementalHash sha, IReadOnlyList<Overlay> chain)
    {
        foreach (var overlay in chain)
        {
            var canonical = Canonical(overlay.Root);
            sha.AppendData(Encoding.UTF8.GetBytes($"overlay {canonical.Length}\n"));
            sha.AppendData(canonical);
        }
    }

    /// <summary>
    /// Canonical JSON: compact, object keys sorted by ordinal, numbers in round-trip form. The root's
    /// <c>$schema</c> is left out: it only tells editors where the schema is and changes nothing in the network.
    /// </summary>
    public static byte[] Canonical(JNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node, isRoot: true);
        }
        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter w, JNode node, bool isRoot = false)
    {
        switch (node.Kind)
        {
            case JKind.Object:
                w.WriteStartObject();
                foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (isRoot && key == "$schema")
                    {
                        continue;
                    }
                    w.WritePropertyName(key);
                    Write(w, value);
                }
                w.WriteEndObject();
                break;
            case JKind.Array:
                w.WriteStartArray();
                foreach (var item in node.Items)
                {
                    Write(w, item);
                }
                w.WriteEndArray();
                break;
            case JKind.String:
                w.WriteStringValue(node.Text);
                break;
            case JKind.Number:
                w.WriteRawValue(node.Number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case JKind.Boolean:
                w.WriteBooleanValue(node.Boolean);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }
}
