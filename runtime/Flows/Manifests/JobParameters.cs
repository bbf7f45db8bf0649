using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>
/// The flow parameters of a run on Kubernetes: the values that are not secret become <c>--param name=value</c> in the flow
/// container's args; each secret parameter of the flow becomes the env entry <c>FLOWS__PARAM__&lt;NAME&gt;</c> with
/// <c>valueFrom.secretKeyRef</c> into the Secret <see cref="SecretNameFor"/> (the Job's name + <c>-params</c>), whose key is the
/// variable's name. The Job never holds a secret value; <c>submit</c> creates the Secret with the values.
/// </summary>
/// <param name="Values">The values that are not secret, by name, in name order.</param>
/// <param name="Secrets">Every secret parameter of the flow, and its value when one was given.</param>
public sealed record JobParameters(IReadOnlyList<KeyValuePair<string, string>> Values, IReadOnlyList<JobSecretParameter> Secrets)
{
    public const string SecretNameSuffix = "-params";

    public static JobParameters None { get; } = new([], []);

    public static JobParameters Of(FlowDefinition flow, FlowParameterValues values)
    {
        var plain = flow.Parameters.Where(p => !p.IsSecret && values.TryGetRaw(p.Name, out _))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, string>(p.Name, values.TryGetRaw(p.Name, out var raw) ? raw : ""))
            .ToList();
        var secrets = flow.Parameters.Where(p => p.IsSecret)
            .Select(p => new JobSecretParameter(p, values.TryGetRaw(p.Name, out var raw) ? raw : null))
            .ToList();
        return new JobParameters(plain, secrets);
    }

    public static string SecretNameFor(string jobName) => jobName + SecretNameSuffix;

    public bool HasSecretValues => Secrets.Any(s => s.Value is not null);

    /// <summary>Appends the args and env entries to the flow container.</summary>
    public void Apply(JsonObject container, KubernetesRunInfo run)
    {
        if (Values.Count > 0)
        {
            if (container["args"] is not JsonArray args)
            {
                args = new JsonArray();
                container["args"] = args;
            }
            foreach (var (name, value) in Values)
            {
                args.Add((JsonNode)JsonValue.Create("--param"));
                args.Add((JsonNode)JsonValue.Create(name + "=" + value));
            }
        }
        if (Secrets.Count == 0)
        {
            return;
        }
        if (container["env"] is not JsonArray env)
        {
            env = new JsonArray();
            container["env"] = env;
        }
        foreach (var secret in Secrets)
        {
            var reference = new JsonObject { ["name"] = SecretNameFor(run.JobName), ["key"] = secret.Variable };
            if (!secret.Definition.IsRequired)
            {
                // A secret with a default may be left out: the Job then runs with the default, without the Secret or its key.
                reference["optional"] = true;
            }
            env.Add((JsonNode)new JsonObject { ["name"] = secret.Variable, ["valueFrom"] = new JsonObject { ["secretKeyRef"] = reference } });
        }
    }

    /// <summary>The v1 Secret with the given secret values, labelled with the run's labels, for <c>submit</c> to create.</summary>
    public JsonObject SecretManifest(KubernetesRunInfo run)
    {
        var data = new JsonObject();
        foreach (var secret in Secrets.Where(s => s.Value is not null))
        {
            data[secret.Variable] = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret.Value!));
        }
        var metadata = new JsonObject { ["name"] = SecretNameFor(run.JobName), ["namespace"] = run.Namespace };
        JobSpecPatching.SetRunLabels(metadata, run);
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = metadata, ["type"] = "Opaque", ["data"] = data };
    }
}

/// <param name="Value">null when no value was given (render, or a secret with a default).</param>
public sealed record JobSecretParameter(FlowParameterDefinition Definition, string? Value)
{
    public string Variable => Definition.EnvironmentVariable;

    /// <summary>Never the value.</summary>
    public override string ToString() => $"{Definition.Name} ({Variable}{(Value is null ? ", no value" : "")})";
}
