namespace Caravan.Data.Tntp;

/// <summary>
/// Line iterator over a text reader with 1-based line numbers and one line of push-back, so the metadata reader
/// can hand an unexpected data line to the body reader. Reads through its own buffer and keeps at most
/// <see cref="TntpText.MaxLineLength"/> characters of a line, so a file without line breaks cannot make it
/// allocate the whole file as one string.
/// </summary>
/// <remarks>
/// The body readers take each line as a span of the source's own line buffer (<see cref="NextLine"/>), so a
/// trip table of a million entries is read without a string per line or per token.
/// </remarks>
internal sealed class LineSource(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 16];
    private char[] _line = new char[256];
    private int _lineLength;
    private int _position;
    private int _length;
    private bool _pushed;

    /// <summary>1-based number of the line last returned by <see cref="Next"/> or <see cref="NextLine"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line as a string; false at end of input. Characters beyond the length limit are dropped.</summary>
    public bool Next(out string line)
    {
        var any = NextLine(out var span);
        line = any ? span.ToString() : string.Empty;
        return any;
    }

    /// <summary>
    /// Reads the next line as a span that stays valid until the next call; false at end of input. Characters
    /// beyond the length limit are dropped.
    /// </summary>
    public bool NextLine(out ReadOnlySpan<char> line)
    {
        if (_pushed)
        {
            _pushed = false;
            LineNumber++;
            line = _line.AsSpan(0, _lineLength);
            return true;
        }
        _lineLength = 0;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    break;
                }
            }
            any = true;
            var newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var end = newline < 0 ? _length : newline;
            var take = Math.Min(TntpText.MaxLineLength - _lineLength, end - _position);
            if (take > 0)
            {
                Append(_buffer.AsSpan(_position, take));
            }
            _position = newline < 0 ? _length : newline + 1;
            if (newline >= 0)
            {
                break;
            }
        }
        if (!any)
        {
            line = default;
            return false;
        }
        if (_lineLength > 0 && _line[_lineLength - 1] == '\r')
        {
            _lineLength--;
        }
        LineNumber++;
        line = _line.AsSpan(0, _lineLength);
        return true;
    }

    /// <summary>Makes the next <see cref="Next"/> or <see cref="NextLine"/> return the current line again.</summary>
    public void PushBack()
    {
        _pushed = true;
        LineNumber--;
    }

    private void Append(ReadOnlySpan<char> part)
    {
        var needed = _lineLength + part.Length;
        if (needed > _line.Length)
        {
            Array.Resize(ref _line, Math.Min(TntpText.MaxLineLength, Math.Max(needed, _line.Length * 2)));
        }
        part.CopyTo(_line.AsSpan(_lineLength));
        _lineLength = needed;
    }
}
