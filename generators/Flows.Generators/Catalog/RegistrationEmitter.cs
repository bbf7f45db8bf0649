using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.Catalog;

/// <summary>Writes the module initializer that registers the assembly's flows.</summary>
internal static class RegistrationEmitter
{
    public static string Emit(IReadOnlyList<FlowReference> flows)
    {
        var writer = CatalogClass.Start("Every flow of this assembly, registered with <see cref=\"global::Flows.FlowCatalog\"/> when the assembly loads.", "FlowsRegistration");
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
