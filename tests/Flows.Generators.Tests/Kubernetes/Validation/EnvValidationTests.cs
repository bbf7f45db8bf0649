using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>ValidateEnv, validateEnvVarValueFrom (key selectors), ValidateEnvFrom.</summary>
public sealed class EnvValidationTests
{
    private const string C = "spec.containers[0].";

    [Theory]
    [InlineData("env: [{value: x}]", C + "env[0].name", SpecErrorType.Required)]
    [InlineData("env: [{name: ''}]", C + "env[0].name", SpecErrorType.Required)]
    [InlineData("env: [{name: 1A}]", C + "env[0].name", SpecErrorType.Invalid)]
    [InlineData("env: [{name: 'A B'}]", C + "env[0].name", SpecErrorType.Invalid)]
    [InlineData("env: [{name: ..A}]", C + "env[0].name", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, valueFrom: {}}]", C + "env[0].valueFrom", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, value: x, valueFrom: {secretKeyRef: {name: s, key: k}}}]", C + "env[0].valueFrom", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, valueFrom: {secretKeyRef: {name: s, key: k}, configMapKeyRef: {name: c, key: k}}}]", C + "env[0].valueFrom", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, valueFrom: {secretKeyRef: {name: S, key: k}}}]", C + "env[0].valueFrom.secretKeyRef.name", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, valueFrom: {secretKeyRef: {key: k}}}]", C + "env[0].valueFrom.secretKeyRef.name", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, valueFrom: {secretKeyRef: {name: s}}}]", C + "env[0].valueFrom.secretKeyRef.key", SpecErrorType.Required)]
    [InlineData("env: [{name: A, valueFrom: {secretKeyRef: {name: s, key: 'a/b'}}}]", C + "env[0].valueFrom.secretKeyRef.key", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, valueFrom: {configMapKeyRef: {name: c_1, key: k}}}]", C + "env[0].valueFrom.configMapKeyRef.name", SpecErrorType.Invalid)]
    [InlineData("env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: ''}}}]", C + "env[0].valueFrom.configMapKeyRef.key", SpecErrorType.Required)]
    [InlineData("env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: ..}}}]", C + "env[0].valueFrom.configMapKeyRef.key", SpecErrorType.Invalid)]
    [InlineData("envFrom: [{prefix: '1x', secretRef: {name: s}}]", C + "envFrom[0].prefix", SpecErrorType.Invalid)]
    [InlineData("envFrom: [{prefix: P_}]", C + "envFrom", SpecErrorType.Invalid)]
    [InlineData("envFrom: [{configMapRef: {name: c}, secretRef: {name: s}}]", C + "envFrom", SpecErrorType.Invalid)]
    [InlineData("envFrom: [{configMapRef: {}}]", C + "envFrom[0].configMapRef.name", SpecErrorType.Required)]
    [InlineData("envFrom: [{configMapRef: {name: C}}]", C + "envFrom[0].configMapRef.name", SpecErrorType.Invalid)]
    [InlineData("envFrom: [{secretRef: {name: ''}}]", C + "envFrom[0].secretRef.name", SpecErrorType.Required)]
    [InlineData("envFrom: [{secretRef: {name: s.}}]", C + "envFrom[0].secretRef.name", SpecErrorType.Invalid)]
    public void Env_rules(string fields, string path, object type) =>
        SpecValidationKit.PodSpec(ContainerValidationTests.Container(fields)).Expect(path, (SpecErrorType)type);

    [Fact]
    public void Value_with_value_from_is_the_servers_message()
    {
        var error = SpecValidationKit.PodSpec(ContainerValidationTests.Container("env: [{name: A, value: x, valueFrom: {secretKeyRef: {name: s, key: k}}}]"))
            .Single(C + "env[0].valueFrom", SpecErrorType.Invalid);
        Assert.Equal("spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty", error.Message);
    }

    [Theory]
    [InlineData("env: [{name: A}, {name: a.b-c_D, value: ''}, {name: _X, value: '1'}, {name: A, value: again}]")]
    [InlineData("env: [{name: A, value: '', valueFrom: {secretKeyRef: {name: my-secret, key: .dotfile, optional: true}}}]")]
    [InlineData("env: [{name: A, valueFrom: {configMapKeyRef: {name: my.config, key: KEY_name-1}}}]")]
    [InlineData("env: [{name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]")]
    [InlineData("env: [{name: A, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}]")]
    [InlineData("envFrom: [{configMapRef: {name: c}}, {prefix: P_, secretRef: {name: s, optional: true}}, {prefix: '', configMapRef: {name: c-}}]")]
    public void Valid_env_stays_valid(string fields) =>
        SpecValidationKit.PodSpec(ContainerValidationTests.Container(fields)).AssertValid();
}
