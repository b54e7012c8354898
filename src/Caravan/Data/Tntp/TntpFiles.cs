namespace Caravan.Data.Tntp;

/// <summary>File-system helpers shared by the TNTP readers and writers.</summary>
internal static class TntpFiles
{
    /// <summary>Opens a text file through <see cref="DataFile"/> (regular files only, byte cap), turning "not found" and I/O failures into a diagnostic instead of a raw exception.</summary>
    public static StreamReader Open(string path) =>
        new(DataFile.Open(path, path), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>
    /// Writes a file atomically through <see cref="AtomicFile"/>: the content goes to a temporary file in the same
    /// folder, which then replaces the target, so readers never see a half-written file and a failure leaves the old
    /// file intact.
    /// </summary>
    public static void WriteAtomically(string path, Action<TextWriter> write) => AtomicFile.WriteText(path, write);
}
