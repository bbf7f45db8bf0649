using System;

namespace Flows;

/// <summary>
/// Binds a task parameter to the result of an upstream task, the equivalent of Prefect's
/// <c>set_upstream(task, key="param")</c> or <c>bind(param=task)</c>. It also orders the two tasks.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class FromTaskAttribute : Attribute
{
    /// <param name="taskName">The upstream task, written <c>nameof(UpstreamMethod)</c>.</param>
    public FromTaskAttribute(string taskName) => TaskName = taskName;

    public string TaskName { get; }
}
