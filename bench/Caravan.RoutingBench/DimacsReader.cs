using System.Text;
using Caravan.Routing.Hierarchy;

namespace Caravan.RoutingBench;

/// <summary>
/// Reads a 9th DIMACS Implementation Challenge shortest-path graph (<c>.gr</c>: <c>c</c> comments, one
/// <c>p sp n m</c> line, <c>a u v w</c> arcs with 1-based ids) straight into a <see cref="CompactGraph"/>, parsing
/// bytes from a buffer so a 40M-arc file makes no string per line. Errors name the file and line.
/// </summary>
internal static class DimacsReader
{
    public static CompactGraph Read(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = new ByteLines(stream, path);
        var n = -1;
        var m = 0;
        int[] tail = [];
        int[] head = [];
        uint[] weight = [];
        var arcs = 0;
        while (reader.NextLine())
        {
            var kind = reader.Peek();
            if (kind is (byte)'c' or (byte)'\n' or (byte)'\r' or 0)
            {
                continue;
            }
            if (kind == (byte)'p')
            {
                if (n >= 0)
                {
                    throw reader.Error("a second problem line");
                }
                reader.Skip(1);
                if (!reader.Word("sp"))
                {
                    throw reader.Error("problem line: expected 'p sp <vertices> <arcs>'");
                }
                n = (int)reader.Number("vertices", int.MaxValue - 1);
                m = (int)reader.Number("arcs", Array.MaxLength);
                reader.EndOfLine();
                tail = new int[m];
                head = new int[m];
                weight = new uint[m];
                continue;
            }
            if (kind != (byte)'a')
            {
                throw reader.Error($"unknown line type '{(char)kind}' (expected c, p or a)");
            }
            if (n < 0)
            {
                throw reader.Error("arc before the problem line");
            }
            if (arcs == m)
            {
                throw reader.Error($"more arcs than the {m} the problem line declares");
            }
            reader.Skip(1);
            var u = reader.Number("tail", n);
            var v = reader.Number("head", n);
            var w = reader.Number("weight", (long)uint.MaxValue);
            reader.EndOfLine();
            if (u == 0 || v == 0)
            {
                throw reader.Error("vertex ids start at 1");
            }
            tail[arcs] = (int)u - 1;
            head[arcs] = (int)v - 1;
            weight[arcs] = (uint)w;
            arcs++;
        }
        if (n < 0)
        {
            throw new InvalidDataException($"{path}: no problem line ('p sp <vertices> <arcs>')");
        }
        if (arcs != m)
        {
            throw new InvalidDataException($"{path}: {arcs} arcs, but the problem line declares {m}");
        }
        return CompactGraph.FromArcs(n, arcs, tail, head, weight);
    }

    /// <summary>Line-by-line access to a byte stream with a small number parser.</summary>
    private sealed class ByteLines(Stream stream, string path)
    {
        private readonly byte[] _buffer = new byte[1 << 20];
        private int _position;
        private int _length;
        private long _line;
        private bool _atLineStart = true;

        public bool NextLine()
        {
            if (!_atLineStart)
            {
                // Skip the rest of the current line.
                while (true)
                {
                    var b = Read();
                    if (b < 0)
                    {
                        return false;
                    }
                    if (b == '\n')
                    {
                        break;
                    }
                }
            }
            _atLineStart = false;
            _line++;
            return Fill();
        }

        public byte Peek() => _position < _length || Fill() ? _buffer[_position] : (byte)0;

        public void Skip(int count) => _position += count;

        public bool Word(string word)
        {
            SkipBlanks();
            foreach (var c in word)
            {
                if (Read() != c)
                {
                    return false;
                }
            }
            return true;
        }

        public ulong Number(string field, long max)
        {
            SkipBlanks();
            ulong value = 0;
            var digits = 0;
            while (true)
            {
                if (_position >= _length && !Fill())
                {
                    break;
                }
                var b = _buffer[_position];
                if (b < '0' || b > '9')
                {
                    break;
                }
                value = (value * 10) + (ulong)(b - '0');
                if (value > (ulong)max)
                {
                    throw Error($"{field}: exceeds {max}");
                }
                digits++;
                _position++;
            }
            if (digits == 0)
            {
                throw Error($"{field}: expected a non-negative integer");
            }
            return value;
        }

        public void EndOfLine()
        {
            SkipBlanks();
            var b = Peek();
            if (b is not ((byte)'\n' or (byte)'\r' or 0))
            {
                throw Error($"unexpected '{(char)b}' after the last field");
            }
        }

        public InvalidDataException Error(string message) => new($"{path}:{_line}: {message}");

        private void SkipBlanks()
        {
            while ((_position < _length || Fill()) && _buffer[_position] is (byte)' ' or (byte)'\t')
            {
                _position++;
            }
        }

        private int Read() => _position < _length || Fill() ? _buffer[_position++] : -1;

        private bool Fill()
        {
            if (_position < _length)
            {
                return true;
            }
            _length = stream.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            return _length > 0;
        }
    }
}
