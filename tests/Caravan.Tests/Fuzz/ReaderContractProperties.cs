using Caravan.Data;
using Caravan.Fuzz;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Tests.Fuzz;

/// <summary>
/// Issue 8, hostile input: for any near-valid file a reader returns a result or throws
/// <see cref="CaravanDataException"/> with at least one diagnostic that names a file — never any other exception.
/// The inputs are the fixtures put through <see cref="HostileInputs"/>; the readers are driven through the same
/// targets as the coverage-guided fuzzer (tests/fuzz), which also checks the diagnostics contract.
/// </summary>
public class ReaderContractProperties
{
    private const int Cases = 150;

    private static readonly string Mini = TestPaths.Mini;
    private static readonly string Sioux = Targets.SiouxFallsFolder;

    [Property(MaxTest = Cases)]
    public Property NetworkFolder() =>
        Holds("network", HostileInputs.Of(HostileInputs.Selected(Mini, NetworkReader.FileNames)));

    [Property(MaxTest = Cases)]
    public Property Demand() =>
        Holds("demand", HostileInputs.Of(HostileInputs.Files(Path.Combine(Mini, "demand.csv"))));

    [Property(MaxTest = Cases)]
    public Property Calibration() =>
        Holds("calibration", HostileInputs.Of(HostileInputs.Files(Path.Combine(Mini, "calibration.csv"))));

    [Property(MaxTest = Cases)]
    public Property TntpNet() =>
        Holds("tntp-net", HostileInputs.Of(HostileInputs.Files(Path.Combine(Sioux, "SiouxFalls_net.tntp"))));

    [Property(MaxTest = Cases)]
    public Property TntpTrips() =>
        Holds("tntp-trips", HostileInputs.Of(HostileInputs.Files(Path.Combine(Sioux, "SiouxFalls_trips.tntp"))));

    [Property(MaxTest = Cases)]
    public Property TntpNode() =>
        Holds("tntp-node", HostileInputs.Of(HostileInputs.Files(Path.Combine(Sioux, "SiouxFalls_node.tntp"))));

    [Property(MaxTest = Cases)]
    public Property TntpFlow() =>
        Holds("tntp-flow", HostileInputs.Of(HostileInputs.Files(Path.Combine(Sioux, "SiouxFalls_flow.tntp"))));

    [Property(MaxTest = Cases)]
    public Property TntpFolder() =>
        Holds("tntp-folder", HostileInputs.Of(HostileInputs.Selected(Sioux, Targets.TntpFolderFiles)));

    // Targets.Run throws on a broken contract, which fails the property with the mutant's description.
    private static Property Holds(string target, Arbitrary<Mutant> inputs) =>
        Prop.ForAll(inputs, (Mutant m) => { Targets.Run(target, m.Bytes); });
}
