using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTaskDeclarations;

/// <summary>FLOW051: a container task must be a body-less static partial method returning nothing or its log.</summary>
public class ContainerTaskDeclarationTests
{
    [Fact]
    public Task Reported_when_the_method_has_a_body() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Clock")]
        public static partial class ClockFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "date" })]
            public static string {|#0:Now|}() => "";
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerTaskDeclaration).WithLocation(0).WithArguments("Now", "has a body or is not partial"));

    [Fact]
    public Task Reported_when_it_returns_something_other_than_its_log() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Clock")]
        public static partial class ClockFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "date" })]
            public static partial Task<int> {|#0:Now|}();
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerTaskDeclaration).WithLocation(0).WithArguments("Now", "returns 'int', and its only result is its log"));

    [Theory]
    [InlineData("public static partial string Now();")]
    [InlineData("public static partial void Now();")]
    [InlineData("internal static partial Task<string> Now();")]
    [InlineData("public static partial ValueTask Now();")]
    public Task Not_reported_for_a_body_less_partial_returning_nothing_or_a_string(string declaration) => PodTaskDeclarationVerify.AnalyzerAsync($$"""
        [Flow("Clock")]
        public static partial class ClockFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "date" })]
            {{declaration}}
        }
        """);
}
