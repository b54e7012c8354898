using Caravan.Cli;
using Spectre.Console;
using Xunit;

namespace Caravan.Tests.Cli;

/// <summary>The listing table written to files and pipes: one row a line, columns aligned by terminal width.</summary>
public sealed class ListingTableTests
{
    private static string[] Lines(ListingTable table)
    {
        var output = new StringWriter();
        table.WritePlain(output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void EveryLineHasTheSameTerminalWidthWhateverTheScript()
    {
        var table = new ListingTable("Code", "Name", "Aliases")
            .AddRow("KZ-AKTAU", "Aktau (port)", "Актау, 阿克套, Mangyshlak")
            .AddRow("GEZAI", "Akhalkalaki", "ახალქალაქი")
            .AddRow("X", "Zoë [a] <b>", "");
        var lines = Lines(table);

        Assert.Equal(3 + 4, lines.Length);
        Assert.Single(lines.Select(l => l.GetCellWidth()).Distinct());
        Assert.StartsWith("┌", lines[0]);
        Assert.StartsWith("├", lines[2]);
        Assert.StartsWith("└", lines[^1]);
        Assert.Equal("│ X        │ Zoë [a] <b>  │" + new string(' ', 27) + "│", lines[5]); // "Актау, 阿克套, Mangyshlak" is 25 columns wide
    }

    [Fact]
    public void CjkTakesTwoColumnsAndCombiningMarksNone()
    {
        Assert.Equal(6, ListingTable.CellWidth("阿克套"));
        Assert.Equal(5, ListingTable.CellWidth("Актау"));
        Assert.Equal(1, ListingTable.CellWidth("e\u0301"));
        Assert.Equal("Almaty 阿拉木图 Алматы e\u0301".GetCellWidth(), ListingTable.CellWidth("Almaty 阿拉木图 Алматы e\u0301"));
    }

    [Fact]
    public void ALineBreakInACellDoesNotBreakTheRow()
    {
        var lines = Lines(new ListingTable("A", "B").AddRow("one\ntwo", "tab\there"));

        Assert.Equal(5, lines.Length);
        Assert.Equal("│ one two │ tab here │", lines[3]);
    }

    [Fact]
    public void ARowOfTheWrongLengthIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ListingTable("A", "B").AddRow("only one"));
    }
}
