using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.Catalog;

/// <summary>Writes the console entrypoint, when the project opts in (FlowsGenerateEntryPoint=true).</summary>
internal static class EntryPointEmitter
{
    /// <summary>Commands that join the entrypoint when the project references their package: submit/cleanup, build/run-job-locally.</summary>
    public static readonly string[] KnownCommandLineExtensions =
    {
        "Flows.Kubernetes.KubernetesCommandLineExtension",
        "Flows.Docker.Cli.DockerCommandLineExtension",
        "Flows.Runs.PostgreSql.PostgreSqlCommandLineExtension",
    };

    /// <param name="extensions">The <see cref="KnownCommandLineExtensions"/> the project references.</param>
    public static string Emit(IReadOnlyList<string> extensions)
    {
        var writer = CatalogClass.Start("The console entrypoint (FlowsGenerateEntryPoint=true): run, graph, list, --help, --version.", "FlowsEntryPoint");
        writer.Line("public static global::System.Threading.Tasks.Task<int> Main(string[] args)");
        var extensionArguments = string.Concat(extensions.Select(name => $", new global::{name}()"));
        writer.Line($"    => global::Flows.Cli.FlowsCommandLine.InvokeAsync(args, FlowsRegistration.All{extensionArguments});");
        writer.Close();
        writer.Close();
        return writer.Finish();
    }
}
