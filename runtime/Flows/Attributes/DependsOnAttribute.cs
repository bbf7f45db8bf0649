using System;

namespace Flows;

/// <summary>
/// Orders a task after other tasks without passing data, the equivalent of Prefect's
/// <c>set_upstream(task)</c> without <c>key</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class DependsOnAttribute : Attribute
{
    /// <param name="taskNames">The upstream tasks, written <c>nameof(UpstreamMethod)</c>.</param>
    public DependsOnAttribute(params string[] taskNames) => TaskNames = taskNames;

    public string[] TaskNames { get; }
}
