using System.Text;

namespace Flows.Benchmarks;

/// <summary>Writes the source of a flow with N no-op tasks in a chain, each taking the previous task's result, plus a direct-call baseline.</summary>
internal static class LargeFlowSource
{
    public static string Create(int taskCount)
    {
        var text = new StringBuilder();
        text.AppendLine("using Flows;");
        text.AppendLine("namespace Bench;");
        text.AppendLine("[Flow(\"Large\")]");
        text.AppendLine("public static partial class LargeFlow");
        text.AppendLine("{");
        text.AppendLine("    [FlowTask] public static int T0() => 0;");
        for (var i = 1; i < taskCount; i++)
        {
            text.AppendLine($"    [FlowTask] public static int T{i}([FromTask(nameof(T{i - 1}))] int value) => value + 1;");
        }
        text.AppendLine("    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        text.AppendLine("    public static int RunDirect()");
        text.AppendLine("    {");
        text.AppendLine("        var r0 = Call(T0());");
        for (var i = 1; i < taskCount; i++)
        {
            text.AppendLine($"        var r{i} = Call(T{i}(r{i - 1}));");
        }
        text.AppendLine($"        return r{taskCount - 1};");
        text.AppendLine("    }");
        // The baseline calls through a non-inlined method so the JIT cannot fold the whole chain away.
        text.AppendLine("    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        text.AppendLine("    private static int Call(int value) => value;");
        text.AppendLine("}");
        return text.ToString();
    }
}
