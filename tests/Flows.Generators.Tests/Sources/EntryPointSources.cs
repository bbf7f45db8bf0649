namespace Flows.Generators.Tests.Sources;

/// <summary>A second flow, in the global namespace, for the registration and entrypoint case.</summary>
internal static class EntryPointSources
{
    public const string GlobalNamespaceFlow = """
        using Flows;

        [Flow("global")]
        internal static partial class GlobalFlow
        {
            [FlowTask]
            public static void Only() { }
        }
        """;
}
