using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Flows.EndToEnd.Tests;

namespace Flows.Storage.Tests.Support;

/// <summary>The docker CLI, as a user would type it (Debian's client, which matches the engine of scripts/setup-docker.sh).</summary>
internal static class DockerCli
{
    private static readonly string Docker = File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker";

    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);

    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync(Docker, arguments, RepositoryPaths.Root, TimeSpan.FromMinutes(3));
}
