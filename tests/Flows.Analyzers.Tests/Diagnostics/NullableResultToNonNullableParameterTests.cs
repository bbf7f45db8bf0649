using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW024: a nullable result is bound to a non-nullable parameter.</summary>
public class NullableResultToNonNullableParameterTests
{
    [Fact]
    public Task Reported_on_the_FromTask_argument() => Verify.AnalyzerAsync("""
        #nullable enable
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static string? Find() => null;

            [FlowTask]
            public static void Use([FromTask({|#0:nameof(Find)|})] string value) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.NullableResultToNonNullableParameter).WithLocation(0).WithArguments("value", "Use", "string", "Find", "string?"));

    [Fact]
    public Task Not_reported_when_the_parameter_is_nullable_too() => Verify.AnalyzerAsync("""
        #nullable enable
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static string? Find() => null;

            [FlowTask]
            public static void Use([FromTask(nameof(Find))] string? value) { }
        }
        """);
}
