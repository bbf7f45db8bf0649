using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>ValidateTolerations and the tolerations annotation (ValidateTolerationsInPodAnnotations).</summary>
public sealed class TolerationValidationTests
{
    [Theory]
    [InlineData("[{key: \"bad key\", operator: Exists}]", "spec.tolerations[0].key", SpecErrorType.Invalid)]
    [InlineData("[{operator: Equal, value: x}]", "spec.tolerations[0].operator", SpecErrorType.Invalid)]
    [InlineData("[{value: x}]", "spec.tolerations[0].operator", SpecErrorType.Invalid)]
    [InlineData("[{key: k, operator: Exists, effect: NoSchedule, tolerationSeconds: 30}]", "spec.tolerations[0].effect", SpecErrorType.Invalid)]
    [InlineData("[{key: k, operator: Exists, tolerationSeconds: 30}]", "spec.tolerations[0].effect", SpecErrorType.Invalid)]
    [InlineData("[{key: k, operator: Equal, value: \"not valid\"}]", "spec.tolerations[0].operator", SpecErrorType.Invalid)]
    [InlineData("[{key: k, operator: Exists, value: v}]", "spec.tolerations[0].operator", SpecErrorType.Invalid)]
    [InlineData("[{key: k, operator: Matches}]", "spec.tolerations[0].operator", SpecErrorType.NotSupported)]
    [InlineData("[{key: k, operator: Exists, effect: NoScheduleNoAdmit}]", "spec.tolerations[0].effect", SpecErrorType.NotSupported)]
    [InlineData("[{key: k, operator: Exists}, {key: k2, operator: Exists, effect: Evict}]", "spec.tolerations[1].effect", SpecErrorType.NotSupported)]
    public void Invalid_tolerations_are_errors(string tolerations, string path, object type)
    {
        PodSpecRulesTests.Spec("tolerations: " + tolerations).Single(path, (SpecErrorType)type);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{operator: Exists}]")]
    [InlineData("[{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}]")]
    [InlineData("[{key: dedicated, value: gpu, effect: NoSchedule}]")]
    [InlineData("[{key: dedicated, operator: Equal, value: \"\", effect: PreferNoSchedule}]")]
    [InlineData("[{key: dedicated, operator: Equal}]")]
    public void Valid_tolerations_stay_valid(string tolerations)
    {
        PodSpecRulesTests.Spec("tolerations: " + tolerations).AssertValid();
    }

    private static SpecErrors Annotated(string json) =>
        SpecValidationKit.Pod("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    scheduler.alpha.kubernetes.io/tolerations: '" + json + "'\nspec:\n  containers: [{name: main, image: busybox:1}]\n");

    [Theory]
    [InlineData("[{\"key\":\"k\",\"operator\":\"Exists\"}]")]
    [InlineData("[{\"Key\": \"dedicated\", \"Value\": \"gpu\", \"effect\": \"NoSchedule\", \"other\": 1}]")]
    [InlineData("null")]
    [InlineData("[]")]
    public void A_valid_tolerations_annotation_stays_valid(string json)
    {
        Annotated(json).AssertValid();
    }

    [Theory]
    [InlineData("{\"key\": \"k\"}", "metadata.annotations", SpecErrorType.Invalid)]
    [InlineData("[{\"key\": 5}]", "metadata.annotations", SpecErrorType.Invalid)]
    [InlineData("[{\"key\": \"k\", ", "metadata.annotations", SpecErrorType.Invalid)]
    [InlineData("[{\"key\": \"k\", \"operator\": \"Sometimes\"}]", "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0].operator", SpecErrorType.NotSupported)]
    [InlineData("[{\"value\": \"v\"}]", "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0].operator", SpecErrorType.Invalid)]
    public void An_invalid_tolerations_annotation_is_an_error_at_the_annotation(string json, string path, object type)
    {
        var errors = Annotated(json);
        var error = errors.Single(path, (SpecErrorType)type);
        Assert.Equal(6, error.Node!.Start.Line);
    }
}
