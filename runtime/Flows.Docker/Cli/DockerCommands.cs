using System.Collections.Generic;
using System.CommandLine;
using Flows.Cli;

namespace Flows.Docker.Cli;

/// <summary>The list of Docker commands; each lives in its own file.</summary>
internal static class DockerCommands
{
    public static IEnumerable<Command> Create(FlowsCommandLineContext context)
    {
        yield return BuildCommand.Create(context);
        yield return RunJobLocallyCommand.Create(context);
    }
}
