namespace Flows.Generators.Tests.Sources;

/// <summary>Seed 001, Prefect's KubernetesJobEnvironment example: get_value -> output_value (the HelloFlow sample).</summary>
internal static class Seed001Source
{
    public const string Text = """
        using System;
        using Flows;

        namespace Samples.HelloFlow;

        [Flow("Kubernetes Job Environment w/ Resource Requests & Limits", Description = "get_value -> output_value (Prefect's KubernetesJobEnvironment example)")]
        public static partial class ResourceLimitsFlow
        {
            [FlowTask]
            public static string GetValue()
            {
                return "Example!";
            }

            [FlowTask]
            public static void OutputValue([FromTask(nameof(GetValue))] string value) => Console.WriteLine(value);
        }
        """;

    /// <summary>The same flow with an edit inside GetValue's body only.</summary>
    public static string WithBodyEdit => Text.Replace("return \"Example!\";", "var text = \"Example, edited!\";\n        return text;");

    /// <summary>The same flow with one more task.</summary>
    public static string WithNewTask => Text.Replace(
        "    [FlowTask]\n    public static void OutputValue",
        "    [FlowTask]\n    public static int Measure([FromTask(nameof(GetValue))] string value) => value.Length;\n\n    [FlowTask]\n    public static void OutputValue");
}
