using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTaskDeclarations;

/// <summary>FLOW054: a {name} placeholder in a container task's command, args or env that names no data parameter.</summary>
public class UnknownContainerTaskPlaceholderTests
{
    [Fact]
    public Task Reported_on_the_named_argument_with_the_parameters_there_are() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Echo")]
        public static partial class EchoFlow
        {
            [FlowTask]
            public static string Load() => "hi";

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "sh", "-c" }, {|#0:Args = new[] { "echo {mesage}" }|})]
            public static partial string Echo([FromTask(nameof(Load))] string message, [FlowParameter] int times = 1);
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UnknownContainerTaskPlaceholder).WithLocation(0).WithArguments("Echo", "mesage", "Args", "message, times"));

    [Fact]
    public Task Not_reported_for_known_names_and_doubled_braces() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Echo")]
        public static partial class EchoFlow
        {
            [FlowTask]
            public static string Load() => "hi";

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "echo" }, Args = new[] { "{message} {times} {{literal}}" },
                Environment = new[] { "GREETING={message}" })]
            public static partial string Echo([FromTask(nameof(Load))] string message, [FlowParameter] int times = 1);
        }
        """);
}
