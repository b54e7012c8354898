using Caravan.Data;
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
}
