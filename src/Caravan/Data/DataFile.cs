using System.Runtime.InteropServices;

namespace Caravan.Data;

/// <summary>
/// The one way Caravan opens an input file. It takes regular files only, judged after following links, so a FIFO
/// (which would block for ever) or a device such as <c>/dev/zero</c> (endless) is a diagnostic, never a hang or an
/// out-of-memory abort; and it reads under a hard byte cap, also when a file grows while it is read.
/// </summary>
public static class DataFile
{
    /// <summary>Largest input file accepted, bytes. The default network is a few hundred kilobytes; the largest TNTP benchmark files are tens of megabytes.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Opens <paramref name="path"/> for reading, or reports why not (missing, not a regular file, too large, unreadable) and returns null.</summary>
    /// <param name="path">File to open.</param>
    /// <param name="displayName">Name used in diagnostics.</param>
    /// <param name="diagnostics">Where the problem goes.</param>
    /// <param name="maxBytes">Most bytes the file may hold; reading stops with an <see cref="IOException"/> beyond it.</param>
    public static Stream? Open(string path, string displayName, DiagnosticBag diagnostics, long maxBytes = MaxBytes)
    {
        if (Refusal(path, maxBytes) is { } why)
        {
            diagnostics.Error(displayName, 0, "", why);
            return null;
        }
        try
        {
            return new CappedStream(File.OpenRead(path), maxBytes, displayName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Error(displayName, 0, "", $"cannot read: {e.Message}");
            return null;
        }
    }

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    /// <exception cref="CaravanDataException">The file is missing, not a regular file, too large or unreadable.</exception>
    public static Stream Open(string path, string displayName, long maxBytes = MaxBytes)
    {
        var bag = new DiagnosticBag();
        return Open(path, displayName, bag, maxBytes) ?? throw new CaravanDataException(bag.Snapshot());
    }

    /// <summary>Every byte of <paramref name="path"/>, or null with the problem reported.</summary>
    public static byte[]? ReadAllBytes(string path, string displayName, DiagnosticBag diagnostics, long maxBytes = MaxBytes)
    {
        using var stream = Open(path, displayName, diagnostics, maxBytes);
        if (stream is null)
        {
            return null;
        }
        try
        {
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (IOException e)
        {
            diagnostics.Error(displayName, 0, "", $"cannot read: {e.Message}");
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> names an existing regular file (after following links).</summary>
    public static bool IsRegularFile(string path) => File.Exists(path) && FileType(path) is null or RegularFile;

    /// <summary>Why a file cannot be read, or null when it can.</summary>
    private static string? Refusal(string path, long maxBytes)
    {
        if (Directory.Exists(path))
        {
            return "is a folder, not a file";
        }
        if (!File.Exists(path))
        {
            return "file not found";
        }
        var type = FileType(path);
        if (type is not null and not RegularFile)
        {
            return $"is not a regular file ({Describe(type.Value)}); give a file, not a pipe or a device";
        }
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read: {e.Message}";
        }
        return length > maxBytes ? $"file is {Size(length)}; at most {Size(maxBytes)} is accepted" : null;
    }

    private static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.#} MiB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} bytes");

    // S_IFMT bits of st_mode (POSIX).
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    private static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        0x4000 => "a folder",
        _ => "a special file",
    };

    /// <summary>The file type bits of the final target of <paramref name="path"/>, or null where the platform cannot tell.</summary>
    private static int? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null; // elsewhere the byte cap still bounds an endless device
        }
        // statx has one layout on every Linux architecture: stx_mode is a u16 at offset 28 of a 256-byte buffer.
        var buffer = new byte[256];
        try
        {
            if (statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return BitConverter.ToUInt16(buffer, 28) & TypeMask;
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

    /// <summary>A read-only stream that fails once more than its cap has been read.</summary>
    private sealed class CappedStream(Stream inner, long cap, string displayName) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, (int)Math.Min(count, cap + 1 - _read)));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..(int)Math.Min(buffer.Length, cap + 1 - _read)]));

        private int Count(int n)
        {
            _read += n;
            return _read > cap ? throw new IOException($"{displayName} grew beyond {Size(cap)} while being read") : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
