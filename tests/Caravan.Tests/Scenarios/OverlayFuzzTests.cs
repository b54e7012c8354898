using System.Text;
using Caravan.Scenarios;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary>Damaged overlays — truncated, bytes flipped, pieces deleted — give diagnostics, never an exception.</summary>
public sealed class OverlayFuzzTests : IDisposable
{
    private readonly OverlayFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void DamagedOverlaysNeverThrow()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.Data, "scenarios", "middle-corridor-2030.json"));
        var random = new Random(6);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            switch (i % 3)
            {
                case 0:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                case 1:
                    for (var k = 0; k < 1 + random.Next(4); k++)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)"{}[]\",:0-ex \n\\"[random.Next(14)];
                    }
                    break;
                default:
                    var start = random.Next(bytes.Length);
                    var length = random.Next(Math.Min(40, bytes.Length - start));
                    bytes = [.. bytes[..start], .. bytes[(start + length)..]];
                    break;
            }
            var path = Path.Combine(_files.Folder, $"m{i}.json");
            File.WriteAllBytes(path, bytes);
            var r = OverlayFiles.Load(path);
            if (r.Scenario is null)
            {
                Assert.NotEmpty(OverlayFiles.Errors(r));
                Assert.All(OverlayFiles.Errors(r), d => Assert.EndsWith($"m{i}.json", d.File, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void ValuesOfEveryTypeInEveryPlaceGiveDiagnostics()
    {
        string[] values = ["null", "true", "1e400", "-1", "\"\"", "[]", "{}", "[null]", "\"X1\"", "0.5", "1e-300"];
        string[] templates =
        [
            """{"name": "t", "description": "d", "changes": [{"op": "scale", "on": "crossings", "where": {"ids": VALUE}, "factors": {"dwell_hours": 0.5}}]}""",
            """{"name": "t", "description": "d", "changes": [{"op": "scale", "on": "crossings", "where": {"ids": ["X1"]}, "factors": {"dwell_hours": VALUE}}]}""",
            """{"name": "t", "description": "d", "changes": [{"op": "set", "on": "crossings", "where": {"ids": ["X1"]}, "values": {"median_hours": VALUE}}]}""",
            """{"name": "t", "description": "d", "changes": [{"op": "add", "on": "places", "source": "T1", "items": [{"code": "ZZ1", "name": "n", "country": "KZ", "lat": VALUE, "lon": 1}]}]}""",
            """{"name": "t", "description": "d", "changes": [{"op": "open", "year": VALUE}]}""",
            """{"name": VALUE, "description": "d", "changes": []}""",
            """{"name": "t", "description": "d", "basedOn": VALUE, "changes": []}""",
            """{"name": "t", "description": "d", "changes": VALUE}""",
        ];
        var n = 0;
        foreach (var t in templates)
        {
            foreach (var v in values)
            {
                var path = _files.Write($"t{n++}", t.Replace("VALUE", v, StringComparison.Ordinal));
                var r = OverlayFiles.Load(path);
                Assert.True(r.Scenario is not null || OverlayFiles.Errors(r).Count > 0);
            }
        }
    }

    [Fact]
    public void ManyErrorsAreCappedNotExhaustingMemory()
    {
        var sb = new StringBuilder("{\"name\": \"many\", \"description\": \"d\", \"changes\": [");
        for (var i = 0; i < 5000; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("{\"op\": \"nope\"}");
        }
        sb.Append("]}");
        var r = OverlayFiles.Load(_files.Write("many", sb.ToString()));
        Assert.Null(r.Scenario);
        Assert.InRange(r.Diagnostics.Count, 1, 1001);
        Assert.Contains("more diagnostics not shown", r.Diagnostics[^1].Message, StringComparison.Ordinal);
    }
}
