namespace Caravan.Scenarios;

/// <summary>What a change does. The vocabulary is documented in <c>data/scenarios/README.md</c>.</summary>
public enum OverlayOperation : byte
{
    /// <summary>Set attributes of the selected elements to values.</summary>
    Set,
    /// <summary>Multiply numeric attributes of the selected elements by factors.</summary>
    Scale,
    /// <summary>Put selected links (a project) in service: status becomes operating.</summary>
    Open,
    /// <summary>Remove selected links and crossings (a project, a country, a crossing) from the network.</summary>
    Close,
    /// <summary>Add new places, links, crossings, transfers or services.</summary>
    Add,
    /// <summary>Remove selected places (with every link and transfer touching them), links, transfers or services.</summary>
    Remove,
}

/// <summary>What kind of element a change works on.</summary>
public enum OverlayTargetKind : byte
{
    /// <summary>Links, border crossings included.</summary>
    Links,
    /// <summary>Border crossings only.</summary>
    Crossings,
    /// <summary>Places.</summary>
    Places,
    /// <summary>Transfers at places.</summary>
    Transfers,
    /// <summary>Scheduled services.</summary>
    Services,
}
