namespace Flows.Runtime.Tests.Fixtures.Parameters;

public enum Color
{
    Red,
    Green,
    Blue,
}

/// <summary>Flow parameters of several types, one required, one shared by two tasks; in a nested namespace and class.</summary>
internal static partial class Outer
{
    [Flow("parameters")]
    internal static partial class ParameterFlow
    {
        [FlowTask]
        public static string Describe(
            [FlowParameter("target", Description = "Where to send it")] string target,
            [FlowParameter("name")] string name = "world",
            [FlowParameter("count")] int count = 3,
            [FlowParameter("color")] Color color = Color.Green) =>
            $"{target}|{name}|{count}|{color}";

        [FlowTask]
        public static int Twice([FlowParameter("count")] int count = 3) => count * 2;
    }
}
