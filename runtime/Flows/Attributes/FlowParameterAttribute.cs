using System;

namespace Flows;

/// <summary>
/// Makes a task parameter a flow parameter (Prefect's <c>Parameter</c>): its value comes from
/// <c>run --param name=value</c>, or from the C# default value of the parameter when one is given.
/// Several tasks may share one flow parameter by using the same name and type.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class FlowParameterAttribute : Attribute
{
    public FlowParameterAttribute() { }

    /// <param name="name">The name used on the command line; the C# parameter name when omitted.</param>
    public FlowParameterAttribute(string name) => Name = name;

    public string? Name { get; }

    /// <summary>Shown by <c>list</c> and <c>run --help</c>.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The value is a secret (a password, a token): it is read from the environment variable
    /// <c>FLOWS__PARAM__&lt;NAME&gt;</c> rather than <c>--param</c>, never logged or shown, and reaches a Kubernetes
    /// Job and a pod task's Pod only through a Kubernetes Secret (<c>valueFrom.secretKeyRef</c>). See docs/kubernetes.md.
    /// </summary>
    public bool Secret { get; set; }
}
