using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Model;

namespace Flows.Generators.Emit;

/// <summary>Writes the module initializer that registers the assembly's flows and, when the project opts in, the console entrypoint.</summary>
internal static class CatalogEmitter
{
    public const string Namespace = "Flows.Generated";
    public const string KubernetesCommandLineExtension = "Flows.Kubernetes.KubernetesCommandLineExtension";

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

    /// <param name="kubernetesCommands">True when the project references Flows.Kubernetes, whose submit and cleanup commands join the entrypoint.</param>
    public static string EmitEntryPoint(bool kubernetesCommands)
    {
        var writer = GeneratedCode.StartFile();
        writer.Open($"namespace {Namespace}");
        writer.Line("/// <summary>The console entrypoint (FlowsGenerateEntryPoint=true): run, graph, list, --help, --version.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Open("internal static class FlowsEntryPoint");
        writer.Line("public static global::System.Threading.Tasks.Task<int> Main(string[] args)");
        writer.Line(kubernetesCommands
            ? $"    => global::Flows.Cli.FlowsCommandLine.InvokeAsync(args, FlowsRegistration.All, new global::{KubernetesCommandLineExtension}());"
            : "    => global::Flows.Cli.FlowsCommandLine.InvokeAsync(args, FlowsRegistration.All);");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
