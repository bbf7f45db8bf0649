using System;
using System.Collections.Generic;

namespace Flows;

/// <summary>
/// A flow's graph as static data, emitted by the Flows source generator: tasks, edges, triggers,
/// a topological order, the flow parameters and a factory for the typed executor.
/// </summary>
public sealed class FlowDefinition
{
    private readonly Dictionary<string, TaskDefinition> _tasksByName;

    public FlowDefinition(
        string name,
        string typeName,
        string? description,
        IReadOnlyList<TaskDefinition> tasks,
        IReadOnlyList<FlowParameterDefinition> parameters,
        IReadOnlyList<int> topologicalOrder,
        Func<FlowParameterValues, IFlowRunExecutor> createExecutor,
        Manifests.KubernetesJobTemplate? kubernetesJob = null,
        DockerStorageDefinition? dockerStorage = null)
    {
        KubernetesJob = kubernetesJob;
        DockerStorage = dockerStorage;
        Name = name;
        TypeName = typeName;
        Description = description;
        Tasks = tasks;
        Parameters = parameters;
        TopologicalOrder = topologicalOrder;
        CreateExecutor = createExecutor;
        _tasksByName = new Dictionary<string, TaskDefinition>(tasks.Count, StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            _tasksByName.Add(task.Name, task);
        }
    }

    /// <summary>The display name from <see cref="FlowAttribute"/>.</summary>
    public string Name { get; }

    /// <summary>The flow class's full name.</summary>
    public string TypeName { get; }

    public string? Description { get; }

    /// <summary>The tasks, indexed by <see cref="TaskDefinition.Index"/>.</summary>
    public IReadOnlyList<TaskDefinition> Tasks { get; }

    public IReadOnlyList<FlowParameterDefinition> Parameters { get; }

    /// <summary>Task indexes such that every task comes after its upstream tasks.</summary>
    public IReadOnlyList<int> TopologicalOrder { get; }

    /// <summary>Creates the typed executor for one run; throws <see cref="FlowParameterException"/> for a bad parameter value.</summary>
    public Func<FlowParameterValues, IFlowRunExecutor> CreateExecutor { get; }

    /// <summary>The Kubernetes Job the flow runs as, from <see cref="KubernetesJobAttribute"/>; null when the flow has none.</summary>
    public Manifests.KubernetesJobTemplate? KubernetesJob { get; }

    /// <summary>How the flow's image is built and stored, from <see cref="DockerStorageAttribute"/>; null when the flow has none.</summary>
    public DockerStorageDefinition? DockerStorage { get; }

    public TaskDefinition GetTask(string name) =>
        _tasksByName.TryGetValue(name, out var task)
            ? task
            : throw new ArgumentException($"Flow '{Name}' has no task named '{name}'.", nameof(name));

    public bool TryGetTask(string name, out TaskDefinition task) => _tasksByName.TryGetValue(name, out task!);
}
