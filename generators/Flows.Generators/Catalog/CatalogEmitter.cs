using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Flows;

namespace Flows.Generators.Catalog;

/// <summary>Writes the module initializer that registers the assembly's flows and, when the project opts in, the console entrypoint.</summary>
internal static class CatalogEmitter
{
    public const string Namespace = "Flows.Generated";
    /// <summary>Commands that join the entrypoint when the project references their package: submit/cleanup, build/run-job-locally.</summary>
    public static readonly string[] KnownCommandLineExtensions =
    {
        "Flows.Kubernetes.KubernetesCommandLineExtension",
        "Flows.Docker.Cli.DockerCommandLineExtension",
    };

    public static string EmitRegistration(IReadOnlyList<FlowReference> flows)
    {
        var writer = GeneratedCode.StartFile();
        writer.Open($"namespace {Namespace}");
        writer.Line("/// <summary>Every flow of this assembly, registered with <see cref=\"global::Flows.FlowCatalog\"/> when the assembly loads.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Open("internal static class FlowsRegistration");
        writer.Line("/// <summary>The flows of this assembly, in declaration order.</summary>");
        writer.Line("public static global::Flows.FlowDefinition[] All => new global::Flows.FlowDefinition[]");
        writer.Line("{");
        foreach (var flow in flows.Where(f => !f.HasErrors))
        {
            writer.Line($"    {flow.FullyQualifiedTypeName}.Definition,");
        }
        writer.Line("};");
        writer.Line();
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Open("internal static void Register()");
        writer.Open("foreach (var flow in All)");
        writer.Line("global::Flows.FlowCatalog.Register(flow);");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <param name="extensions">The <see cref="KnownCommandLineExtensions"/> the project references.</param>
    public static string EmitEntryPoint(IReadOnlyList<string> extensions)
    {
        var writer = GeneratedCode.StartFile();
        writer.Open($"namespace {Namespace}");
        writer.Line("/// <summary>The console entrypoint (FlowsGenerateEntryPoint=true): run, graph, list, --help, --version.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Open("internal static class FlowsEntryPoint");
        writer.Line("public static global::System.Threading.Tasks.Task<int> Main(string[] args)");
        var extensionArguments = string.Concat(extensions.Select(name => $", new global::{name}()"));
        writer.Line($"    => global::Flows.Cli.FlowsCommandLine.InvokeAsync(args, FlowsRegistration.All{extensionArguments});");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
