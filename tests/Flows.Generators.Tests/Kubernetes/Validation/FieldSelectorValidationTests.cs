using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>validateObjectFieldSelector, validateContainerResourceFieldSelector and validateContainerResourceDivisor, called as env valueFrom calls them.</summary>
public sealed class FieldSelectorValidationTests
{
    private static SpecErrors FieldRef(string yaml)
    {
        var root = SpecValidationKit.Root(yaml);
        var validation = new SpecValidation(new SpecOptions(), root);
        FieldSelectorValidation.ValidateObjectFieldSelector(validation, new SpecNode(root, FieldPath.Of("fieldRef")),
            (ICollection<string>)FieldSelectorValidation.ValidEnvDownwardAPIFieldPathExpressions);
        return validation.Errors;
    }

    private static SpecErrors ResourceFieldRef(string yaml, bool volume = false)
    {
        var root = SpecValidationKit.Root(yaml);
        var validation = new SpecValidation(new SpecOptions(), root);
        FieldSelectorValidation.ValidateContainerResourceFieldSelector(validation, new SpecNode(root, FieldPath.Of("resourceFieldRef")),
            (ICollection<string>)FieldSelectorValidation.ValidContainerResourceFieldPathExpressions,
            (ICollection<string>)FieldSelectorValidation.ValidContainerResourceFieldPathPrefixes, volume);
        return validation.Errors;
    }

    [Theory]
    [InlineData("fieldPath: metadata.name")]
    [InlineData("apiVersion: v1\nfieldPath: spec.nodeName")]
    [InlineData("apiVersion: \"\"\nfieldPath: status.podIP")]
    [InlineData("fieldPath: status.podIPs")]
    [InlineData("fieldPath: spec.serviceAccountName")]
    [InlineData("fieldPath: status.hostIP")]
    // spec.host is the old name of spec.nodeName.
    [InlineData("fieldPath: spec.host")]
    // A subscript of labels or annotations is not checked against the list.
    [InlineData("fieldPath: \"metadata.labels['app.kubernetes.io/name']\"")]
    [InlineData("fieldPath: \"metadata.annotations['Example.COM/Build']\"")]
    public void Valid_field_refs(string yaml) => FieldRef(yaml).AssertValid();

    [Theory]
    [InlineData("apiVersion: v1", "fieldRef.fieldPath", SpecErrorType.Required)]
    [InlineData("fieldPath: \"\"", "fieldRef.fieldPath", SpecErrorType.Required)]
    [InlineData("apiVersion: apps/v1\nfieldPath: metadata.name", "fieldRef.fieldPath", SpecErrorType.Invalid)]
    [InlineData("fieldPath: metadata.labels", "fieldRef.fieldPath", SpecErrorType.NotSupported)]
    [InlineData("fieldPath: spec.restartPolicy", "fieldRef.fieldPath", SpecErrorType.NotSupported)]
    [InlineData("fieldPath: status.phase", "fieldRef.fieldPath", SpecErrorType.NotSupported)]
    [InlineData("fieldPath: metadata.creationTimestamp", "fieldRef.fieldPath", SpecErrorType.Invalid)]
    [InlineData("fieldPath: \"spec.nodeName['x']\"", "fieldRef.fieldPath", SpecErrorType.Invalid)]
    [InlineData("fieldPath: \"metadata.labels['-bad-']\"", "fieldRef", SpecErrorType.Invalid)]
    [InlineData("fieldPath: \"metadata.annotations['a/b/c']\"", "fieldRef", SpecErrorType.Invalid)]
    public void Invalid_field_refs(string yaml, string path, object type) => FieldRef(yaml).Single(path, (SpecErrorType)type);

    [Fact]
    public void A_field_ref_subscript_message_is_the_servers()
    {
        var error = FieldRef("fieldPath: \"metadata.labels['-bad-']\"").Single("fieldRef", SpecErrorType.Invalid);
        Assert.StartsWith("fieldRef: Invalid value: \"-bad-\": name part must consist of alphanumeric characters", error.Message);
        var conversion = FieldRef("fieldPath: \"spec.nodeName['x']\"").Single("fieldRef.fieldPath", SpecErrorType.Invalid);
        Assert.Equal("fieldRef.fieldPath: Invalid value: \"spec.nodeName['x']\": error converting fieldPath: field label does not support subscript: spec.nodeName['x']", conversion.Message);
    }

    [Theory]
    [InlineData("resource: limits.cpu")]
    [InlineData("resource: requests.cpu\ndivisor: 1m")]
    [InlineData("resource: requests.cpu\ndivisor: \"1\"")]
    [InlineData("resource: requests.cpu\ndivisor: 1")]
    [InlineData("resource: requests.cpu\ndivisor: 1000m")]
    [InlineData("resource: requests.cpu\ndivisor: 0.001")]
    [InlineData("resource: limits.cpu\ndivisor: 0")]
    [InlineData("resource: limits.memory\ndivisor: 1Mi")]
    [InlineData("resource: limits.memory\ndivisor: 1024Ki")]
    [InlineData("resource: limits.memory\ndivisor: 1000")]
    [InlineData("resource: limits.memory\ndivisor: 1k")]
    [InlineData("resource: requests.memory\ndivisor: 1E")]
    [InlineData("resource: requests.memory\ndivisor: 1Ei")]
    [InlineData("resource: requests.ephemeral-storage\ndivisor: 1G")]
    [InlineData("resource: requests.ephemeral-storage\ndivisor: 1e0")]
    // Env vars need no containerName (it defaults to the container itself).
    [InlineData("resource: limits.memory")]
    public void Valid_resource_field_refs(string yaml) => ResourceFieldRef(yaml).AssertValid();

    [Fact]
    public void A_volume_resource_field_ref_needs_a_container_name()
    {
        ResourceFieldRef("containerName: main\nresource: limits.cpu", volume: true).AssertValid();
        var error = ResourceFieldRef("resource: limits.cpu", volume: true).Single("resourceFieldRef.containerName", SpecErrorType.Required);
        Assert.StartsWith("resourceFieldRef.containerName: Required value", error.Message);
    }

    [Theory]
    [InlineData("divisor: 1m", "resourceFieldRef.resource", SpecErrorType.Required)]
    [InlineData("resource: limits.nvidia.com/gpu", "resourceFieldRef.resource", SpecErrorType.NotSupported)]
    [InlineData("resource: cpu", "resourceFieldRef.resource", SpecErrorType.NotSupported)]
    [InlineData("resource: requests.hugepages-1Gi", "resourceFieldRef.resource", SpecErrorType.NotSupported)]
    [InlineData("resource: limits.cpu\ndivisor: 2", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: limits.cpu\ndivisor: 1k", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: limits.cpu\ndivisor: 10m", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: limits.memory\ndivisor: 1m", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: limits.memory\ndivisor: 1024", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: limits.memory\ndivisor: \"1e3\"", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: limits.memory\ndivisor: 0.5Ki", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: limits.memory\ndivisor: 1000Ki", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    [InlineData("resource: requests.ephemeral-storage\ndivisor: 2Gi", "resourceFieldRef.divisor", SpecErrorType.Invalid)]
    public void Invalid_resource_field_refs(string yaml, string path, object type) => ResourceFieldRef(yaml).Single(path, (SpecErrorType)type);

    [Fact]
    public void A_hugepages_resource_is_not_supported_and_its_divisor_is_checked()
    {
        var errors = ResourceFieldRef("resource: limits.hugepages-2Mi\ndivisor: 1m");
        Assert.Equal(new[]
        {
            "resourceFieldRef.resource: Unsupported value: \"limits.hugepages-2Mi\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\"",
            "resourceFieldRef.divisor: Invalid value: \"limits.hugepages-2Mi\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource",
        }, errors.Errors());
    }

    [Theory]
    [InlineData("1m", "1m")]
    [InlineData("1", "1")]
    [InlineData("1000m", "1")]
    [InlineData("0.001k", "1")]
    [InlineData("1000", "1k")]
    [InlineData("1e0", "1")]
    [InlineData("1e3", "1e3")]
    [InlineData("1E3", "1e3")]
    [InlineData("1Ki", "1Ki")]
    [InlineData("1024Ki", "1Mi")]
    [InlineData("1048576Ki", "1Gi")]
    [InlineData("0.5Ki", null)]
    [InlineData("1536", null)]
    [InlineData("2", null)]
    public void The_canonical_unit_is_quantity_String(string text, string? expected) =>
        Assert.Equal(expected, FieldSelectorValidation.CanonicalUnit(text));
}
