namespace Caravan.Routing;

/// <summary>A constraint that, lifted on its own, would let a route through.</summary>
/// <param name="Constraint">Machine-readable name: <c>avoid-country</c>, <c>avoid-mode</c>, <c>avoid-place</c>, <c>year</c>, <c>max-transfers</c>, <c>commodity</c>.</param>
/// <param name="Value">The constraint's value (e.g. <c>RU</c>, <c>2026</c>).</param>
/// <param name="Message">A sentence for people.</param>
public sealed record BlockingConstraint(string Constraint, string Value, string Message);

/// <summary>Why no route exists: the constraints that cut every path, or that the places are not connected at all.</summary>
/// <param name="Message">A sentence for people.</param>
/// <param name="Blocking">Constraints each of which, lifted alone, lets a route through.</param>
public sealed record NoRouteReason(string Message, IReadOnlyList<BlockingConstraint> Blocking);

/// <summary>Either an itinerary or the reason there is none (never an exception across the API).</summary>
/// <param name="Itinerary">The route, when one exists.</param>
/// <param name="NoRoute">Why none exists, otherwise.</param>
public sealed record RouteOutcome(Itinerary? Itinerary, NoRouteReason? NoRoute)
{
    /// <summary>True when a route was found.</summary>
    public bool Found => Itinerary is not null;
}
