using System;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>The pod could not be run on the engine (an image it cannot have, a container it refused): the run failed.</summary>
public sealed class LocalJobRunException(string message, Exception? inner = null) : Exception(message, inner);
