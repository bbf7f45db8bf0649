using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>validateProbe, validateHandler, validateHTTPGetAction, validateTCPSocketAction, validateExecAction, validateLifecycle.</summary>
public sealed class ProbeValidationTests
{
    private const string C = "spec.containers[0].";

    [Theory]
    [InlineData("livenessProbe: {}", C + "livenessProbe", SpecErrorType.Required)]
    [InlineData("readinessProbe: {initialDelaySeconds: 5}", C + "readinessProbe", SpecErrorType.Required)]
    [InlineData("livenessProbe: {exec: {command: [x]}, tcpSocket: {port: 80}}", C + "livenessProbe.tcpSocket", SpecErrorType.Forbidden)]
    [InlineData("readinessProbe: {exec: {}}", C + "readinessProbe.exec.command", SpecErrorType.Required)]
    [InlineData("readinessProbe: {exec: {command: []}}", C + "readinessProbe.exec.command", SpecErrorType.Required)]
    [InlineData("readinessProbe: {httpGet: {}}", C + "readinessProbe.httpGet.port", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {httpGet: {port: 0}}", C + "readinessProbe.httpGet.port", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {httpGet: {port: 65536}}", C + "readinessProbe.httpGet.port", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {httpGet: {port: HTTP}}", C + "readinessProbe.httpGet.port", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {httpGet: {port: 80, scheme: http}}", C + "readinessProbe.httpGet.scheme", SpecErrorType.NotSupported)]
    [InlineData("readinessProbe: {httpGet: {port: 80, httpHeaders: [{name: 'X Bad', value: v}]}}", C + "readinessProbe.httpGet.httpHeaders", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {httpGet: {port: 80, httpHeaders: [{value: v}]}}", C + "readinessProbe.httpGet.httpHeaders", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {tcpSocket: {port: -1}}", C + "readinessProbe.tcpSocket.port", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {tcpSocket: {port: web--port}}", C + "readinessProbe.tcpSocket.port", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {tcpSocket: {}}", C + "readinessProbe.tcpSocket.port", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {exec: {command: [x]}, initialDelaySeconds: -1}", C + "readinessProbe.initialDelaySeconds", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {exec: {command: [x]}, timeoutSeconds: -1}", C + "readinessProbe.timeoutSeconds", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {exec: {command: [x]}, periodSeconds: -1}", C + "readinessProbe.periodSeconds", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {exec: {command: [x]}, successThreshold: -1}", C + "readinessProbe.successThreshold", SpecErrorType.Invalid)]
    [InlineData("readinessProbe: {exec: {command: [x]}, failureThreshold: -1}", C + "readinessProbe.failureThreshold", SpecErrorType.Invalid)]
    [InlineData("livenessProbe: {exec: {command: [x]}, successThreshold: 2}", C + "livenessProbe.successThreshold", SpecErrorType.Invalid)]
    [InlineData("startupProbe: {exec: {command: [x]}, successThreshold: 3}", C + "startupProbe.successThreshold", SpecErrorType.Invalid)]
    [InlineData("startupProbe: {exec: {command: [x]}, periodSeconds: -5}", C + "startupProbe.periodSeconds", SpecErrorType.Invalid)]
    [InlineData("lifecycle: {postStart: {}}", C + "lifecycle.postStart", SpecErrorType.Required)]
    [InlineData("lifecycle: {preStop: {httpGet: {port: 0}}}", C + "lifecycle.preStop.httpGet.port", SpecErrorType.Invalid)]
    [InlineData("lifecycle: {preStop: {exec: {command: [x]}, tcpSocket: {port: 1}}}", C + "lifecycle.preStop.tcpSocket", SpecErrorType.Forbidden)]
    public void Probe_rules(string fields, string path, object type) =>
        SpecValidationKit.PodSpec(ContainerValidationTests.Container(fields)).Expect(path, (SpecErrorType)type);

    [Fact]
    public void Each_extra_handler_is_forbidden()
    {
        var errors = SpecValidationKit.PodSpec(ContainerValidationTests.Container("livenessProbe: {exec: {command: [x]}, httpGet: {port: 80}, tcpSocket: {port: 80}}"));
        Assert.Equal(new[]
        {
            "spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
            "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
        }, errors.Errors());
    }

    [Fact]
    public void A_liveness_success_threshold_other_than_1_is_the_servers_message()
    {
        var error = SpecValidationKit.PodSpec(ContainerValidationTests.Container("livenessProbe: {exec: {command: [x]}, successThreshold: 2}"))
            .Single(C + "livenessProbe.successThreshold", SpecErrorType.Invalid);
        Assert.Equal("spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1", error.Message);
    }

    [Theory]
    [InlineData("livenessProbe: {exec: {command: [x]}, successThreshold: 1}")]
    [InlineData("livenessProbe: {exec: {command: [x]}, successThreshold: 0, timeoutSeconds: 0, periodSeconds: 0, failureThreshold: 0}")]
    [InlineData("readinessProbe: {exec: {command: [x]}, successThreshold: 3, initialDelaySeconds: 0}")]
    [InlineData("readinessProbe: {httpGet: {port: 8080, path: '', scheme: ''}}")]
    [InlineData("readinessProbe: {httpGet: {port: 443, scheme: HTTPS, host: example.com, httpHeaders: [{name: X-Custom-Header, value: a}]}}")]
    [InlineData("readinessProbe: {httpGet: {port: web-port}}")]
    [InlineData("startupProbe: {tcpSocket: {port: 1, host: 10.0.0.1}}")]
    [InlineData("startupProbe: {tcpSocket: {port: 65535}}")]
    [InlineData("lifecycle: {postStart: {httpGet: {port: 80}}, preStop: {tcpSocket: {port: http}}}")]
    [InlineData("lifecycle: {}")]
    public void Valid_probes_stay_valid(string fields) =>
        SpecValidationKit.PodSpec(ContainerValidationTests.Container(fields)).AssertValid();
}
