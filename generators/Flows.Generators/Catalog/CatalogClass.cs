using Flows.Generators.Core;

namespace Flows.Generators.Catalog;

/// <summary>Starts a generated file holding one class of the assembly's catalog, in the namespace the registration and the entrypoint share.</summary>
internal static class CatalogClass
{
    public const string Namespace = "Flows.Generated";

    /// <summary>A writer with the namespace and the class open: the caller closes both.</summary>
    public static SourceWriter Start(string summary, string className)
    {
        var writer = GeneratedCode.StartFile();
        writer.Open($"namespace {Namespace}");
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Open($"internal static class {className}");
        return writer;
    }
}
