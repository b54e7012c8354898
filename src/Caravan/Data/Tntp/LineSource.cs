namespace Caravan.Data.Tntp;

/// <summary>
/// Line iterator over a text reader with 1-based line numbers and one line of push-back,
/// so the metadata reader can hand an unexpected data line to the body reader.
/// </summary>
internal sealed class LineSource(TextReader reader)
{
    private string? _pushed;
    private string? _current;

    /// <summary>1-based number of the line last returned by <see cref="Next"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line; false at end of input. Overlong lines are truncated to <see cref="TntpText.MaxLineLength"/>.</summary>
    public bool Next(out string line)
    {
        if (_pushed is not null)
        {
            line = _pushed;
            _pushed = null;
            LineNumber++;
            return true;
        }
        var read = reader.ReadLine();
        if (read is null)
        {
            line = string.Empty;
            return false;
        }
        LineNumber++;
        _current = read.Length > TntpText.MaxLineLength ? read[..TntpText.MaxLineLength] : read;
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
