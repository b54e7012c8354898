namespace Caravan.Assignment;

/// <summary>Why an assignment stopped.</summary>
public enum StopReason
{
    /// <summary>The target relative gap was reached.</summary>
    GapReached,
    /// <summary>The iteration limit was reached.</summary>
    MaxIterations,
    /// <summary>The time limit was reached.</summary>
    TimeLimit,
    /// <summary>The method finished by construction (all-or-nothing).</summary>
    Completed,
}
