namespace Caravan.Tests.Store;

/// <summary>A fresh database path in a temporary folder, removed afterwards.</summary>
internal sealed class TempDb : IDisposable
{
    public TempDb()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "caravan-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, "runs.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
