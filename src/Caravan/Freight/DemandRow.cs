using Caravan.Model;

namespace Caravan.Freight;

/// <summary>One origin–destination flow of a commodity per year.</summary>
/// <param name="Origin">Origin place index.</param>
/// <param name="Destination">Destination place index.</param>
/// <param name="Commodity">Commodity.</param>
/// <param name="QuantityPerYear">Quantity per year in <paramref name="Unit"/>.</param>
/// <param name="Unit">TEU, tonnes or bcm.</param>
/// <param name="Tonnes">The same flow in tonnes per year (the common unit of the assignment).</param>
/// <param name="SourceIds">Sources.</param>
/// <param name="Line">Line in the demand file.</param>
/// <param name="Groups">
/// The mode groups the flow chooses between when the row's statistic defines its market by mode (deep-sea port-to-port
/// trade is seaborne by definition); null = every group of its class (<c>choice-parameters.csv</c>).
/// </param>
public sealed record DemandRow(int Origin, int Destination, Commodity Commodity, double QuantityPerYear, string Unit, double Tonnes, IReadOnlyList<string> SourceIds, int Line, IReadOnlyList<Choice.ModeGroup>? Groups = null);
