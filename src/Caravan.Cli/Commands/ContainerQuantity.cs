using System.Globalization;
using Caravan.Model;
using Caravan.Services;
using Caravan.Units;

namespace Caravan.Cli.Commands;

/// <summary><c>--container TYPE [--cargo-kg KG]</c>: boxes of an ISO 6346 type to FEU, with the payload check.</summary>
internal static class ContainerQuantity
{
    public static RoutePlanQuery Apply(RoutePlanQuery query, string? container, double? cargoKg, string? dataFolder)
    {
        if (string.IsNullOrWhiteSpace(container))
        {
            return cargoKg is null ? query : throw new CliInputException("--cargo-kg needs --container");
        }
        if (!string.IsNullOrWhiteSpace(query.Cargo) && (!Commodities.TryParse(query.Cargo, out var c) || !c.IsContainer()))
        {
            throw new CliInputException($"--container applies to --cargo container, not {query.Cargo}");
        }
        if (cargoKg is { } kg && (!double.IsFinite(kg) || kg <= 0))
        {
            throw new CliInputException("--cargo-kg must be a positive number of kg");
        }
        var boxes = 1.0;
        if (!string.IsNullOrWhiteSpace(query.Quantity) && (!double.TryParse(query.Quantity, NumberStyles.Float, CultureInfo.InvariantCulture, out boxes) || !double.IsFinite(boxes) || boxes <= 0))
        {
            throw new CliInputException("--quantity must be a positive number of boxes");
        }
        var folder = string.IsNullOrWhiteSpace(dataFolder) ? NetworkLoader.DefaultDataFolder() : dataFolder;
        if (!File.Exists(Path.Combine(folder, ContainerCatalog.FileName)))
        {
            folder = NetworkLoader.DefaultDataFolder();
        }
        ContainerCatalog catalog;
        try
        {
            catalog = ContainerCatalog.Read(folder);
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(ContainerCatalog.FileName, e.Diagnostics));
        }
        if (!catalog.TryFind(container, out var type))
        {
            throw new CliInputException($"--container: unknown type '{container}'; expected {catalog.Names}");
        }
        var feu = ContainerCatalog.Feu(type, boxes, cargoKg, out var error);
        if (error is not null)
        {
            throw new CliInputException("--cargo-kg: " + error);
        }
        Console.Error.WriteLine($"{boxes.ToString("0.##", CultureInfo.InvariantCulture)} × {type.Code} ({type.Name}) = {(boxes * type.Teu).ToString("0.##", CultureInfo.InvariantCulture)} TEU = {feu.ToString("0.##", CultureInfo.InvariantCulture)} FEU; payload limit {type.MaxPayloadKg.ToString("0", CultureInfo.InvariantCulture)} kg per box");
        return query with { Quantity = feu.ToString("R", CultureInfo.InvariantCulture) };
    }
}
