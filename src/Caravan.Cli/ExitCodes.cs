namespace Caravan.Cli;

/// <summary>Process exit codes, the contract scripts rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>Internal fault: a bug in Caravan.</summary>
    public const int InternalFault = 1;
    /// <summary>Bad input (arguments, data files) or no route under the constraints given.</summary>
    public const int BadInput = 2;
    /// <summary>An assignment stopped at its iteration or time limit above its target gap (results were still written).</summary>
    public const int NotConverged = 3;
}
