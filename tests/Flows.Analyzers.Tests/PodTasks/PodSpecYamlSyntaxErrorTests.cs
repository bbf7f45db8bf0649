using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW061: the pod spec is not valid YAML; reported at the fault with what to change (the job spec's FLOW031 has every shape).</summary>
public class PodSpecYamlSyntaxErrorTests
{
    private static DiagnosticResult Error(string message) =>
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecYamlSyntaxError).WithLocation(0).WithArguments(VerifyPodTasks.PodSpecFile, message);

    [Fact]
    public Task Reported_at_a_duplicate_key_naming_the_first() => VerifyPodTasks.PodSpecAsync("""
        containers: []
        {|#0:containers|}: []
        """,
        Error("key 'containers' appears twice in this mapping (first on line 1): remove one"));

    [Fact]
    public Task Reported_at_the_bracket_of_a_flow_sequence_the_file_ends_inside() => VerifyPodTasks.PodSpecAsync("""
        containers: [{name: primary}
        volumes:
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecYamlSyntaxError)
            .WithSpan(TestProject.PathOf(VerifyPodTasks.PodSpecFile), 1, 13, 1, 14)
            .WithArguments(VerifyPodTasks.PodSpecFile, "the '[' that opens a list on line 1 is never closed: add the closing ']'"));

    [Fact]
    public Task Reported_at_a_tab_in_the_indentation() => VerifyPodTasks.PodSpecAsync(
        "containers:\n  - name: primary\n{|#0:\t|}  image: busybox\n",
        Error("replace the tab on line 3 with spaces (YAML indents with spaces only)"));

    [Fact]
    public Task Reported_at_the_opening_quote_of_an_unclosed_string() => VerifyPodTasks.PodSpecAsync("""
        containers:
          - name: primary
            command: [sh, -c, {|#0:"|}echo hi]
        """,
        Error("the double-quoted string that starts on line 3 is never closed: add the closing \""));

    [Fact]
    public Task Reported_at_a_list_entry_indented_unlike_the_one_above() => VerifyPodTasks.PodSpecAsync("""
        containers:
          - name: primary
           {|#0:-|} name: sidecar
        """,
        Error("the list entry on line 3 is indented by 3 spaces, but the entry on line 2 by 2 spaces: indent the entries of a list alike"));

    [Fact]
    public Task Reported_at_a_key_without_its_colon() => VerifyPodTasks.PodSpecAsync("""
        containers:
          - name: primary
            {|#0:image|} busybox
        """,
        Error("the key 'image' on line 3 has no ':' after it: write 'image: busybox'"));
}
