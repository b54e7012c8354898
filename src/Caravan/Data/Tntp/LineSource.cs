using System.Text;

namespace Caravan.Data.Tntp;

/// <summary>
/// Line iterator over a text reader with 1-based line numbers and one line of push-back, so the metadata reader
/// can hand an unexpected data line to the body reader. Reads through its own buffer and keeps at most
/// <see cref="TntpText.MaxLineLength"/> characters of a line, so a file without line breaks cannot make it
/// allocate the whole file as one string.
/// </summary>
internal sealed class LineSource(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private string? _pushed;
    private string? _current;

    /// <summary>1-based number of the line last returned by <see cref="Next"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line; false at end of input. Characters beyond the length limit are dropped.</summary>
    public bool Next(out string line)
    {
        if (_pushed is not null)
        {
            line = _pushed;
            _pushed = null;
            LineNumber++;
            return true;
        }
        _line.Clear();
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
            var room = TntpText.MaxLineLength - _line.Length;
            if (room > 0)
            {
                _line.Append(_buffer, _position, Math.Min(room, end - _position));
            }
            _position = newline < 0 ? _length : newline + 1;
            if (newline >= 0)
            {
                break;
            }
        }
        if (!any)
        {
            line = string.Empty;
            return false;
        }
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }
        LineNumber++;
        _current = _line.ToString();
        line = _current;
        return true;
    }

    /// <summary>Makes the next <see cref="Next"/> return the current line again.</summary>
    public void PushBack()
    {
        _pushed = _current;
        LineNumber--;
    }
}
