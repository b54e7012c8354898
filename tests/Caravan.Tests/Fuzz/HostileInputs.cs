using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Caravan.Tests.Fuzz;

/// <summary>A generated input file and the mutations that made it (shown when a property fails).</summary>
public sealed record Mutant(string Description, byte[] Bytes)
{
    /// <inheritdoc />
    public override string ToString() => $"{Description} ({Bytes.Length} bytes)";
}

/// <summary>
/// Generators of near-valid files: a valid fixture file put through one to three mutations — truncated rows and
/// files, hostile values in a field (wrong types, NaN, ±Infinity, 1e309, -0, zero and negative numbers, unknown
/// references, quotes, megabyte-long text), duplicated rows, extra and missing columns, BOMs and UTF-16, invalid
/// UTF-8, CR and CRLF line ends, NUL bytes — plus the degenerate files (empty, header-only, random bytes).
/// </summary>
public static class HostileInputs
{
    /// <summary>Values that replace a field: each one is wrong for some column of some reader.</summary>
    public static readonly string[] HostileValues =
    [
        "", " ", "NaN", "nan", "Infinity", "-Infinity", "∞", "1e309", "-1e309", "-0", "0", "0.0", "-1", "-0.000001", "1e-320",
        "2147483647", "2147483648", "-2147483649", "9999999999999999999999", "12.5", "1,5", "0x10", "abc", "T1;T1", ";", ";;",
        "\"", "\"unterminated", "\"a\"\"b\"", "'", "~", ":", "<END OF METADATA>", "Origin", "#", "ZZZZZ", "CNSIA", "L4", "Rail1520",
        "forward", "planned", "Mon 25:00", "Fri 08:00", "١٢٣", "\u00A0", "\uFFFE", "\uFEFF", "💥", "é", "\u0301", "\0", "\t",
        "\r", "\n", "x\ny",
    ];

    /// <summary>Generates mutants of <paramref name="seeds"/> (one file each); <paramref name="prefix"/> bytes go before the text (target selectors).</summary>
    public static Arbitrary<Mutant> Of(IReadOnlyList<(byte[] Prefix, string Name, string Text)> seeds)
    {
        var seed = Gen.Elements(seeds.ToArray());
        var mutation = Gen.Frequency(
            (12, FieldMutation()),
            (3, RowMutation()),
            (3, ColumnMutation()),
            (2, TruncateMutation()),
            (2, QuoteMutation()),
            (1, LongFieldMutation()));
        var textMutations = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(mutation, n));
        var encoding = Gen.Frequency(
            (10, Gen.Constant<Func<string, byte[]>>(s => Encoding.UTF8.GetBytes(s))),
            (2, Gen.Elements<Func<string, byte[]>>(
                s => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(s)],
                s => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(s)],
                s => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(s)],
                s => Encoding.Unicode.GetBytes(s),
                s => Encoding.Latin1.GetBytes(s.Replace("a", "é", StringComparison.Ordinal)))),
            (2, Gen.Elements<Func<string, byte[]>>(
                s => Encoding.UTF8.GetBytes(s.Replace("\n", "\r\n", StringComparison.Ordinal)),
                s => Encoding.UTF8.GetBytes(s.Replace("\n", "\r", StringComparison.Ordinal)),
                s => Encoding.UTF8.GetBytes(s.Replace(",", "\0,", StringComparison.Ordinal)))));
        var invalidUtf8 = Gen.Elements<byte[]>([0xFF], [0xC3, 0x28], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00]);

        var mutant =
            from s in seed
            from ms in textMutations
            from enc in encoding
            from bad in Gen.Frequency((8, Gen.Constant<byte[]?>(null)), (1, invalidUtf8.Select(b => (byte[]?)b)))
            from at in Gen.Choose(0, int.MaxValue)
            select Apply(s, ms, enc, bad, at);

        var degenerate =
            from s in seed
            from kind in Gen.Choose(0, 5)
            from random in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
            select Degenerate(s, kind, random);

        return Arb.From(Gen.Frequency((9, mutant), (1, degenerate)));
    }

    /// <summary>The seeds of a folder's files (no prefix).</summary>
    public static IReadOnlyList<(byte[] Prefix, string Name, string Text)> Files(params string[] paths) =>
        [.. paths.Select(p => (Array.Empty<byte>(), Path.GetFileName(p), File.ReadAllText(p)))];

    /// <summary>The seeds of a selector target: byte i, then the text of file i.</summary>
    public static IReadOnlyList<(byte[] Prefix, string Name, string Text)> Selected(string folder, IReadOnlyList<string> files) =>
        [.. files.Select((f, i) => (new[] { (byte)i }, f, File.ReadAllText(Path.Combine(folder, f))))];

    private delegate (string Text, string What) TextMutation(string text);

    private static Mutant Apply((byte[] Prefix, string Name, string Text) seed, TextMutation[] mutations, Func<string, byte[]> encode, byte[]? bad, int at)
    {
        var text = seed.Text;
        var what = new List<string> { seed.Name };
        foreach (var m in mutations)
        {
            (text, var w) = m(text);
            what.Add(w);
        }
        var bytes = encode(text);
        if (bad is not null)
        {
            var pos = bytes.Length == 0 ? 0 : at % bytes.Length;
            bytes = [.. bytes.AsSpan(0, pos), .. bad, .. bytes.AsSpan(pos)];
            what.Add($"bytes {Convert.ToHexString(bad)} at {pos}");
        }
        return new Mutant(string.Join(" | ", what), [.. seed.Prefix, .. bytes]);
    }

    private static Mutant Degenerate((byte[] Prefix, string Name, string Text) seed, int kind, byte[] random)
    {
        var header = seed.Text.Split('\n')[0];
        return kind switch
        {
            0 => new Mutant($"{seed.Name} | empty", [.. seed.Prefix]),
            1 => new Mutant($"{seed.Name} | header only", [.. seed.Prefix, .. Encoding.UTF8.GetBytes(header + "\n")]),
            2 => new Mutant($"{seed.Name} | header only, no newline", [.. seed.Prefix, .. Encoding.UTF8.GetBytes(header)]),
            3 => new Mutant($"{seed.Name} | blank lines", [.. seed.Prefix, .. "\n\r\n  \n"u8]),
            4 => new Mutant($"{seed.Name} | BOM only", [.. seed.Prefix, 0xEF, 0xBB, 0xBF]),
            _ => new Mutant($"{seed.Name} | random bytes", [.. seed.Prefix, .. random]),
        };
    }

    // Rows are split on '\n'; fields on ',' when the line has one (CSV), else on whitespace (TNTP).
    private static string[] Lines(string text) => text.Split('\n');

    private static char Separator(string line) => line.Contains(',') ? ',' : line.Contains('\t') ? '\t' : ' ';

    private static Gen<TextMutation> FieldMutation() =>
        from row in Gen.Choose(0, int.MaxValue)
        from col in Gen.Choose(0, int.MaxValue)
        from value in Gen.Elements(HostileValues)
        select (TextMutation)(text =>
        {
            var lines = Lines(text);
            var r = row % lines.Length;
            var sep = Separator(lines[r]);
            var fields = lines[r].Split(sep);
            var c = col % fields.Length;
            fields[c] = value;
            lines[r] = string.Join(sep, fields);
            return (string.Join('\n', lines), $"line {r + 1} field {c + 1} = {Show(value)}");
        });

    private static Gen<TextMutation> RowMutation() =>
        from kind in Gen.Choose(0, 3)
        from row in Gen.Choose(0, int.MaxValue)
        from other in Gen.Choose(0, int.MaxValue)
        select (TextMutation)(text =>
        {
            var lines = Lines(text).ToList();
            var r = row % lines.Count;
            switch (kind)
            {
                case 0:
                    lines.Insert(r, lines[other % lines.Count]);
                    return (string.Join('\n', lines), $"line {(other % lines.Count) + 1} duplicated before line {r + 1}");
                case 1:
                    lines.RemoveAt(r);
                    return (string.Join('\n', lines), $"line {r + 1} removed");
                case 2:
                    var cut = lines[r].Length == 0 ? 0 : other % lines[r].Length;
                    lines[r] = lines[r][..cut];
                    return (string.Join('\n', lines), $"line {r + 1} cut to {cut} chars");
                default:
                    (lines[r], lines[other % lines.Count]) = (lines[other % lines.Count], lines[r]);
                    return (string.Join('\n', lines), $"lines {r + 1} and {(other % lines.Count) + 1} swapped");
            }
        });

    private static Gen<TextMutation> ColumnMutation() =>
        from kind in Gen.Choose(0, 3)
        from col in Gen.Choose(0, int.MaxValue)
        select (TextMutation)(text =>
        {
            var lines = Lines(text);
            for (var i = 0; i < lines.Length; i++)
            {
                if (kind == 1 && i > 0)
                {
                    break; // header only
                }
                if (kind == 3 && i == 0)
                {
                    continue; // body only
                }
                var sep = Separator(lines[i]);
                var fields = lines[i].Split(sep).ToList();
                if (kind == 2 || kind == 3)
                {
                    fields.Insert(col % (fields.Count + 1), "extra");
                }
                else if (fields.Count > 1)
                {
                    fields.RemoveAt(col % fields.Count);
                }
                lines[i] = string.Join(sep, fields);
            }
            var what = kind switch { 0 => "removed everywhere", 1 => "removed from the header", 2 => "added everywhere", _ => "added to the rows" };
            return (string.Join('\n', lines), $"column {col % 20} {what}");
        });

    private static Gen<TextMutation> TruncateMutation() =>
        Gen.Choose(0, int.MaxValue).Select(at => (TextMutation)(text =>
        {
            var cut = text.Length == 0 ? 0 : at % text.Length;
            return (text[..cut], $"file cut at {cut}");
        }));

    private static Gen<TextMutation> QuoteMutation() =>
        Gen.Choose(0, int.MaxValue).Select(at => (TextMutation)(text =>
        {
            var pos = text.Length == 0 ? 0 : at % text.Length;
            return (text.Insert(pos, "\""), $"quote inserted at {pos}");
        }));

    private static Gen<TextMutation> LongFieldMutation() =>
        from row in Gen.Choose(0, int.MaxValue)
        from ch in Gen.Elements('x', '9', ';', ' ', '"', 'é')
        select (TextMutation)(text =>
        {
            var lines = Lines(text);
            var r = row % lines.Length;
            var sep = Separator(lines[r]);
            var fields = lines[r].Split(sep);
            fields[0] = new string(ch, 1 << 20);
            lines[r] = string.Join(sep, fields);
            return (string.Join('\n', lines), $"line {r + 1} field 1 = 1 MiB of '{ch}'");
        });

    private static string Show(string value) => value.Length == 0 ? "(empty)" : Uri.EscapeDataString(value);
}
