using System;

namespace Flows.Docker.Storage;

/// <summary>Building a flow image failed: the publish, the context, the engine's build, the health check or the push. The message says which and why.</summary>
public sealed class FlowImageBuildException : Exception
{
    public FlowImageBuildException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
