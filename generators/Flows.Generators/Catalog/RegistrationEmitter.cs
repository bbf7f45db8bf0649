using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;

namespace Flows.Generators.Catalog;

/// <summary>Writes the module initializer that registers the assembly's flows.</summary>
internal static class RegistrationEmitter
{
    /// <summary>The namespace of the registration and the entrypoint.</summary>
    public const string Namespace = "Flows.Generated";

    public static string Emit(IReadOnlyList<FlowReference> flows)
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
        return writer.Finish();
    }
}
