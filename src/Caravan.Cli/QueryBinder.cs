using System.CommandLine;
using System.Text.Json;
using Caravan.Export;
using Caravan.Services;

namespace Caravan.Cli;

/// <summary>
/// The CLI's one binder: an option per field of an engine query type (<c>avoidModes</c> → <c>--avoid-modes</c>, with
/// the field's own description), and the parse result bound back into the query as text, so the engine checks
/// every value the same way the web API does (a missing required field too). Boolean fields are flags.
/// </summary>
/// <typeparam name="T">The engine query type.</typeparam>
internal sealed class QueryBinder<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] T>
    where T : new()
{
    private readonly List<(QueryField Field, Option Option)> _options = [];

    public QueryBinder()
    {
        foreach (var field in QueryFields.Of<T>())
        {
            Option option = field.Kind == FieldKind.Boolean
                ? new Option<bool>(field.OptionName) { Description = field.Description }
                : new Option<string?>(field.OptionName) { Description = field.Required ? field.Description + " (required)" : field.Description };
            _options.Add((field, option));
        }
    }

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> Options => _options.Select(o => o.Option);

    /// <summary>The query the command line gives.</summary>
    public T Bind(ParseResult parse)
    {
        var query = new T();
        foreach (var (field, option) in _options)
        {
            var text = option is Option<bool> flag
                ? (parse.GetValue(flag) ? "true" : null)
                : parse.GetValue((Option<string?>)option);
            field.Property.SetValue(query, text);
        }
        return query;
    }
}

/// <summary>How the CLI words and prints a service's errors and warnings: field names as options (<c>--avoid-modes</c>).</summary>
internal static class ServiceOutput
{
    /// <summary>The CLI's name of a query field.</summary>
    public static string OptionName(string field) => "--" + QueryField.Kebab(field);

    /// <summary>Prints the warnings to stderr.</summary>
    public static void Warnings(IReadOnlyList<EngineWarning> warnings)
    {
        foreach (var w in warnings)
        {
            Console.Error.WriteLine($"warning: {OptionName(w.Field)}: {w.Message}");
        }
    }

    /// <summary>
    /// Prints the errors (stderr, worded with option names; with <paramref name="json"/> also the engine's error
    /// document on stdout) and returns exit code 2.
    /// </summary>
    public static int Errors(IReadOnlyList<EngineError> errors, bool json, Func<string, string>? name = null)
    {
        name ??= OptionName;
        if (json)
        {
            Console.WriteLine(JsonDefaults.Serialize(ErrorDocument.From(errors), Caravan.Cli.Json.CliJson.Indented));
        }
        foreach (var e in errors)
        {
            Console.Error.WriteLine(e.Field.Length > 0 ? $"error: {name(e.Field)}: {e.Message}" : $"error: {e.Message}");
            foreach (var b in e.Blocking)
            {
                Console.Error.WriteLine($"  {OptionName(RouteService.FieldOf(b.Constraint))} {b.Value}: {b.Message}");
            }
        }
        return ExitCodes.BadInput;
    }
}
