using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

public sealed class SchemaCheckTests
{
    [Fact]
    public void A_valid_pod_has_no_findings()
    {
        var errors = SpecValidationKit.PodSpec("""
            restartPolicy: Never
            containers:
            - name: main
              image: busybox:1
              ports:
              - containerPort: 80
            """);
        Assert.Empty(errors.All);
    }

    [Fact]
    public void A_quoted_port_is_a_type_error_at_its_node()
    {
        var errors = SpecValidationKit.PodSpec("""
            containers:
            - name: main
              image: busybox:1
              ports:
              - containerPort: "80"
            """);
        var error = errors.Single("spec.containers[0].ports[0].containerPort", SpecErrorType.TypeInvalid);
        Assert.Contains("must be an integer, not a string", error.Message);
        Assert.Equal(10, error.Node!.Start.Line);
    }

    [Theory]
    [InlineData("name: 123", "spec.containers[0].name", "must be a string, not a number (123): quote it")]
    [InlineData("tty: \"yes\"", "spec.containers[0].tty", "must be true or false")]
    [InlineData("ports: {containerPort: 80}", "spec.containers[0].ports", "must be a list")]
    [InlineData("ports: [{containerPort: 4294967296}]", "spec.containers[0].ports[0].containerPort", "does not fit a 32-bit integer")]
    [InlineData("ports: [{containerPort: 1.5}]", "spec.containers[0].ports[0].containerPort", "must be an integer, not a number (1.5)")]
    [InlineData("resources: {limits: {cpu: abc}}", "spec.containers[0].resources.limits[cpu]", "is not a Kubernetes quantity")]
    public void Values_the_decoder_rejects_are_errors(string field, string path, string message)
    {
        var errors = SpecValidationKit.PodSpec("containers:\n- image: busybox:1\n  " + (field.StartsWith("name") ? field : "name: main\n  " + field));
        Assert.Contains(errors.All, e => e.Path.ToString() == path && e.Type == SpecErrorType.TypeInvalid && e.Message.Contains(message));
    }

    [Fact]
    public void An_unknown_field_is_a_warning_with_a_suggestion()
    {
        var errors = SpecValidationKit.PodSpec("""
            containers:
            - name: main
              image: busybox:1
              imagePulPolicy: Always
            """);
        var warning = errors.Single("spec.containers[0].imagePulPolicy", SpecErrorType.UnknownField);
        Assert.True(warning.IsWarning);
        Assert.Contains("did you mean 'imagePullPolicy'?", warning.Message);
        Assert.False(errors.HasErrors);
    }

    [Fact]
    public void Fields_flows_overwrites_are_not_checked()
    {
        var errors = SpecValidationKit.PodSpec("""
            containers:
            - name: primary
              image: 42
              command: "not a list"
            """, new SpecOptions { FlowsContainer = "primary" });
        Assert.DoesNotContain(errors.All, e => e.Path.ToString().StartsWith("spec.containers[0].image") || e.Path.ToString().StartsWith("spec.containers[0].command"));
    }
}
