using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>
/// The Job cannot run on the local engine: it is not a valid Job, or it asks for something that cannot be
/// emulated here (a privileged container, a Secret). Each problem names the field, as
/// <c>spec.template.spec.containers[0].securityContext.privileged</c>. Nothing was created.
/// </summary>
public sealed class InvalidLocalJobException : Exception
{
    public InvalidLocalJobException(string source, IReadOnlyList<string> problems)
        : base($"The Job from {source} cannot run locally:" + string.Concat(problems.Select(p => "\n  - " + p)))
    {
        JobSource = source;
        Problems = problems;
    }

    /// <summary>Where the Job came from: a file, stdin, or the flow it was rendered for.</summary>
    public string JobSource { get; }

    public IReadOnlyList<string> Problems { get; }
}
