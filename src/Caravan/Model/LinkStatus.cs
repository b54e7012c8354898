namespace Caravan.Model;

/// <summary>Whether a link exists yet. Links not operating count only from their opening year.</summary>
public enum LinkStatus : byte
{
    /// <summary>In service.</summary>
    Operating,
    /// <summary>Being built; opens in its opening year.</summary>
    Construction,
    /// <summary>Planned or proposed; opens in its (expected) opening year.</summary>
    Planned,
}
