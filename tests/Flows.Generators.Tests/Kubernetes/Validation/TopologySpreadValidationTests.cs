using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>validateTopologySpreadConstraints.</summary>
public sealed class TopologySpreadValidationTests
{
    private const string C = "spec.topologySpreadConstraints";

    [Theory]
    [InlineData("[{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]", C + "[0].maxSkew", SpecErrorType.Invalid)]
    [InlineData("[{topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]", C + "[0].maxSkew", SpecErrorType.Invalid)]
    [InlineData("[{maxSkew: 1, whenUnsatisfiable: DoNotSchedule}]", C + "[0].topologyKey", SpecErrorType.Required)]
    [InlineData("[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Never}]", C + "[0].whenUnsatisfiable", SpecErrorType.NotSupported)]
    [InlineData("[{maxSkew: 1, topologyKey: zone}]", C + "[0].whenUnsatisfiable", SpecErrorType.NotSupported)]
    [InlineData("[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}, {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]", C + "[0].{topologyKey, whenUnsatisfiable}", SpecErrorType.Duplicate)]
    public void Invalid_constraints_are_errors(string constraints, string path, object type)
    {
        PodSpecRulesTests.Spec("topologySpreadConstraints: " + constraints).Single(path, (SpecErrorType)type);
    }

    [Fact]
    public void The_duplicate_names_the_pair()
    {
        var error = PodSpecRulesTests.Spec("topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}, {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}]")
            .Single(C + "[0].{topologyKey, whenUnsatisfiable}", SpecErrorType.Duplicate);
        Assert.Contains("\"{zone, ScheduleAnyway}\"", error.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}]")]
    [InlineData("[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}, {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}, {maxSkew: 3, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}]")]
    public void Valid_constraints_stay_valid(string constraints)
    {
        PodSpecRulesTests.Spec("topologySpreadConstraints: " + constraints).AssertValid();
    }
}
