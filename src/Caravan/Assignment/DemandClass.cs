namespace Caravan.Assignment;

/// <summary>
/// One user class of a multi-class assignment (e.g. containers, bulk, or a vehicle type): its demand and its
/// index into the per-link <see cref="AssignmentNetwork.AllowedClasses"/> masks (0..63).
/// All classes share link flows and costs: congestion is common, permissions are per class.
/// </summary>
/// <param name="Name">Display name.</param>
/// <param name="Index">Bit index in the link class masks.</param>
/// <param name="Demand">Demand matrix over the network's zones.</param>
public sealed record DemandClass(string Name, int Index, OdMatrix Demand);
