using System;

namespace Flows;

/// <summary>
/// Marks a <c>partial</c> class as a flow. Its static methods marked with <see cref="FlowTaskAttribute"/>
/// are the flow's tasks; the Flows source generator emits the flow graph, a typed executor and
/// <c>Definition</c>/<c>RunAsync</c> members on the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class FlowAttribute : Attribute
{
    /// <param name="name">The flow's display name (Prefect's <c>Flow("name")</c>); unique in a project.</param>
    public FlowAttribute(string name) => Name = name;

    /// <summary>The flow's display name, used by <c>run --flow</c>.</summary>
    public string Name { get; }

    /// <summary>A one-line description shown by <c>list</c>.</summary>
    public string? Description { get; set; }
}
