using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Cli;

/// <summary>What a command of the entrypoint needs: the flows, the writers, and the shared option conventions.</summary>
public sealed class FlowsCommandLineContext
{
    public FlowsCommandLineContext(IReadOnlyList<FlowDefinition> flows, TextWriter output, TextWriter error)
    {
        Flows = flows;
        Output = output;
        Error = error;
    }

    public IReadOnlyList<FlowDefinition> Flows { get; }

    private readonly Dictionary<string, (string Description, Func<PodTaskRunnerSettings, IPodTaskRunner> Create, Func<CancellationToken, Task<string?>>? Probe)> _podTaskRunners =
        new(StringComparer.Ordinal);

    /// <summary>
    /// Makes <c>run --pod-tasks NAME</c> run pod tasks with the runner <paramref name="create"/> makes (Flows.Kubernetes adds
    /// <c>kubernetes</c>, Flows.Docker adds <c>local</c>). The runner is disposed after the run when it is disposable.
    /// </summary>
    public void AddPodTaskRunner(string name, string description, Func<PodTaskRunnerSettings, IPodTaskRunner> create) =>
        _podTaskRunners[name] = (description, create, null);

    /// <summary>
    /// As <see cref="AddPodTaskRunner(string, string, Func{PodTaskRunnerSettings, IPodTaskRunner})"/>, with a quick check of whether the
    /// runner can work here: <paramref name="probe"/> returns null when it can (for <c>local</c>: the Docker engine answered a ping),
    /// else why not. <c>run</c> without <c>--pod-tasks</c> asks it before choosing the runner for pod tasks that need their Pods.
    /// </summary>
    public void AddPodTaskRunner(string name, string description, Func<PodTaskRunnerSettings, IPodTaskRunner> create, Func<CancellationToken, Task<string?>> probe) =>
        _podTaskRunners[name] = (description, create, probe);

    /// <summary>Null when the runner <paramref name="name"/> is registered and its probe (if any) says it can work here; else why not.</summary>
    public async Task<string?> ProbePodTaskRunnerAsync(string name, CancellationToken cancellationToken)
    {
        if (!_podTaskRunners.TryGetValue(name, out var registered))
        {
            return $"'{name}' is not part of this application";
        }
        return registered.Probe is null ? null : await registered.Probe(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The registered pod runners: name and description.</summary>
    public IEnumerable<KeyValuePair<string, string>> PodTaskRunners =>
        _podTaskRunners.Select(r => new KeyValuePair<string, string>(r.Key, r.Value.Description));

    public bool TryCreatePodTaskRunner(string name, PodTaskRunnerSettings settings, out IPodTaskRunner runner)
    {
        if (_podTaskRunners.TryGetValue(name, out var registered))
        {
            runner = registered.Create(settings);
            return true;
        }
        runner = null!;
        return false;
    }

    private Func<string, Runs.IRunStore>? _connectionStringStore;

    /// <summary>Makes <c>--store CONNECTION_STRING</c> open the store <paramref name="create"/> makes (Flows.Store.PostgreSql adds PostgreSQL's).</summary>
    public void AddRunStore(Func<string, Runs.IRunStore> create) => _connectionStringStore = create;

    public bool TryCreateRunStore(string connectionString, out Runs.IRunStore store)
    {
        store = _connectionStringStore?.Invoke(connectionString)!;
        return store is not null;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public static Option<string?> CreateFlowOption() =>
        new("--flow", "-f") { Description = "The flow's name (see 'list'); optional when the application has one flow." };

    /// <summary><c>--param name=value</c>, repeatable: the flow parameters of run and run-task.</summary>
    public static Option<string[]> CreateParamOption() => new("--param", "-p")
    {
        Description = "A flow parameter as name=value; repeat for several.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> CreateFlowRunIdOption(string description) =>
        new("--flow-run-id") { Description = description };

    /// <summary><c>--image REF</c> of render and submit: the flow container's image instead of [DockerStorage]'s (e.g. the tag 'build' derived).</summary>
    public static Option<string?> CreateImageOption() =>
        new("--image") { Description = "The flow container's image, instead of registry_url/image_name:image_tag from [DockerStorage]; 'build' prints it when it derives the tag." };

    /// <summary>The flow named <paramref name="name"/>, or the only flow when no name is given; null after printing a usage error.</summary>
    public FlowDefinition? SelectFlow(string? name)
    {
        if (name is null)
        {
            if (Flows.Count == 1)
            {
                return Flows[0];
            }
            Error.WriteLine(Flows.Count == 0
                ? "error: this application has no flows."
                : $"error: this application has {Flows.Count} flows; choose one with --flow: {string.Join(", ", Flows.Select(f => "'" + f.Name + "'"))}.");
            return null;
        }
        var flow = Flows.FirstOrDefault(f => f.Name == name)
            ?? Flows.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (flow is null)
        {
            Error.WriteLine($"error: no flow named '{name}'. Flows: {string.Join(", ", Flows.Select(f => "'" + f.Name + "'"))}.");
        }
        return flow;
    }
}

/// <summary>Adds commands to the entrypoint (for example <c>submit</c> and <c>cleanup</c> from Flows.Kubernetes).</summary>
public interface IFlowsCommandLineExtension
{
    void AddCommands(RootCommand root, FlowsCommandLineContext context);
}
