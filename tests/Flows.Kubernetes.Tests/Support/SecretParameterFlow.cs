using System;

namespace Flows.Kubernetes.Tests.Support;

/// <summary>
/// <see cref="TestFlows.Create"/>'s Job with a required secret parameter (<c>[FlowParameter(name, Secret = true)]</c>) and a plain
/// parameter <c>region</c>. Each test uses its own parameter name: the secret comes from the process environment, which
/// test classes running in parallel share.
/// </summary>
internal static class SecretParameterFlow
{
    public static FlowDefinition Create(string secretName)
    {
        var template = TestFlows.Create().KubernetesJob!;
        FlowParameterDefinition[] parameters =
        [
            new(secretName, "string", IsRequired: true, DefaultValueText: null, Description: "a token", IsSecret: true),
            new("region", "string", IsRequired: false, DefaultValueText: "\"eu\"", Description: null),
        ];
        return new FlowDefinition("k8s secret flow", "Flows.Kubernetes.Tests.SecretFlow", null, [], parameters, [],
            _ => throw new NotSupportedException("not run in-process here"), template);
    }
}

/// <summary>Sets an environment variable of this process for one test, and restores it.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
