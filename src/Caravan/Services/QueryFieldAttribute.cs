namespace Caravan.Services;

/// <summary>The type a query field's text must have: what the OpenAPI document declares and the CLI shows.</summary>
public enum FieldKind
{
    /// <summary>Free text (a place name, a code).</summary>
    Text,
    /// <summary>A decimal number.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>true or false; a flag on the CLI.</summary>
    Boolean,
    /// <summary>An ISO 8601 date and time.</summary>
    DateTime,
    /// <summary>Items separated by commas.</summary>
    List,
}

/// <summary>
/// Describes one field of a service query once: its type, whether it is required and what it means. The CLI builds
/// its options from it, the web binds the same properties and documents them from it, and both check unknown names
/// against the same list.
/// </summary>
/// <param name="kind">The type the text must have.</param>
/// <param name="description">What the field means, with its default.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QueryFieldAttribute(FieldKind kind, string description) : Attribute
{
    /// <summary>The type the text must have.</summary>
    public FieldKind Kind { get; } = kind;

    /// <summary>What the field means, with its default.</summary>
    public string Description { get; } = description;

    /// <summary>True when the query cannot be answered without it.</summary>
    public bool Required { get; init; }
}
