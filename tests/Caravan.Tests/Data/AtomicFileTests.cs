using System.Text.RegularExpressions;
using Caravan.Data;
using Caravan.Data.Tntp;
using Xunit;

namespace Caravan.Tests.Data;

public class AtomicFileTests
{
    [Fact]
    public void FailedWriteLeavesTheOldFileAndNoTemporary()
    {
        var dir = Directory.CreateTempSubdirectory("atomic").FullName;
        var path = Path.Combine(dir, "flows.csv");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("crash mid-write");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void TntpWriterFailingMidWriteLeavesThePreviousFlowFile()
    {
        var dir = Directory.CreateTempSubdirectory("atomic-tntp").FullName;
        var path = Path.Combine(dir, "X_flow.tntp");
        TntpWriter.WriteFlows(path, new TntpFlows([1, 2], [2, 1], [10, 20], [1.5, 2.5]));
        var before = File.ReadAllBytes(path);
        // Arrays of unequal length: the writer fails after writing some lines (IndexOutOfRangeException).
        var broken = new TntpFlows([1, 2, 3, 4], [2, 1, 4, 3], [10, 20], [1.5, 2.5]);
        Assert.ThrowsAny<IndexOutOfRangeException>(() => TntpWriter.WriteFlows(path, broken));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir));
        Assert.Equal(2, TntpFlowReader.Read(path).LinkCount);
        Directory.Delete(dir, true);
    }

    // Everything Caravan writes goes through AtomicFile: no other code in src/ or bench/ opens a file for writing.
    // A StreamWriter over a stream it is given (named `stream`: AtomicFile's temporary file or an HTTP body) opens nothing.
    [Fact]
    public void OnlyAtomicFileWritesFiles()
    {
        var pattern = new Regex(@"File\.(WriteAll|AppendAll|Create|OpenWrite|CreateText|Move|Copy)|new StreamWriter\((?!stream\b)|new FileStream\(|FileMode\.(Create|Append|OpenOrCreate|Truncate)|\.SavePng\(|\.SaveJpeg\(", RegexOptions.CultureInvariant);
        var offenders = new List<string>();
        foreach (var top in new[] { "src", "bench" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Root, top), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || Path.GetFileName(file) == "AtomicFile.cs")
                {
                    continue;
                }
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    // A save inside AtomicFile.WriteVia's callback writes the temporary file, which is what we want.
                    if (pattern.IsMatch(lines[i]) && !lines[i].Contains("AtomicFile.", StringComparison.Ordinal) && !lines[i].Contains("NetworkMap.SavePng(", StringComparison.Ordinal))
                    {
                        offenders.Add($"{Path.GetRelativePath(TestPaths.Root, file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }
        Assert.Empty(offenders);
    }
}
