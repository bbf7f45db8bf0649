using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>
/// FLOW031: the job spec is not valid YAML; reported at the fault (not where the parser stopped), with what to change.
/// One test per shape of error; the parser's own message remains for the others.
/// </summary>
public class JobSpecYamlSyntaxErrorTests
{
    private static DiagnosticResult Error(string message) =>
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecYamlSyntaxError).WithLocation(0).WithArguments(VerifyKubernetes.JobSpecFile, message);

    /// <summary>For a fault at a '[' or '{', which the test markup cannot enclose: the span on one line, 1-based columns.</summary>
    private static DiagnosticResult ErrorAt(int line, int column, int endColumn, string message) =>
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecYamlSyntaxError)
            .WithSpan(TestProject.PathOf(VerifyKubernetes.JobSpecFile), line, column, line, endColumn)
            .WithArguments(VerifyKubernetes.JobSpecFile, message);

    [Fact]
    public Task Reported_at_a_tab_in_the_indentation_not_at_the_start_of_its_mapping() => VerifyKubernetes.JobSpecAsync(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  labels:\n    team: data\n{|#0:\t|}name: a\n",
        Error("replace the tab on line 6 with spaces (YAML indents with spaces only)"));

    [Fact]
    public Task Reported_at_a_tab_after_spaces_under_a_list_entry() => VerifyKubernetes.JobSpecAsync(
        "apiVersion: batch/v1\nkind: Job\nspec:\n  containers:\n    - name: flow\n  {|#0:\t|}  image: busybox\n",
        Error("replace the tab on line 6 with spaces (YAML indents with spaces only)"));

    [Fact]
    public Task Reported_at_the_opening_quote_of_an_unclosed_double_quoted_string() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: {|#0:"|}Job
        metadata:
          name: a
        """,
        Error("the double-quoted string that starts on line 2 is never closed: add the closing \""));

    [Fact]
    public Task Reported_at_the_opening_quote_of_an_unclosed_single_quoted_string() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {|#0:'|}import
          namespace: data
        """,
        Error("the single-quoted string that starts on line 4 is never closed: add the closing '"));

    [Fact]
    public Task Reported_at_a_backslash_that_starts_no_escape() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: "C:{|#0:\d|}ata"
        """,
        Error("'\\d' on line 4 is not an escape of a double-quoted string: write '\\\\' for a backslash, or use single quotes, in which a backslash is just a backslash"));

    [Fact]
    public Task Reported_at_the_bracket_that_opens_an_unclosed_flow_sequence() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              containers:
                - name: flow
                  args: [run, --flow
                  image: busybox
        """,
        ErrorAt(8, 17, 18, "the '[' that opens a list on line 8 is never closed: add the closing ']'"));

    [Fact]
    public Task Reported_at_the_end_of_a_file_that_ends_inside_a_flow_sequence_no_more_but_at_its_bracket() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: [Job
        metadata:
        """,
        ErrorAt(2, 7, 8, "the '[' that opens a list on line 2 is never closed: add the closing ']'"));

    [Fact]
    public Task Reported_at_the_brace_that_opens_an_unclosed_flow_mapping() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          labels: {team: data, tier: batch
          name: a
        """,
        ErrorAt(4, 11, 12, "the '{' that opens a mapping on line 4 is never closed: add the closing '}'"));

    [Fact]
    public Task Reported_at_the_inner_collection_that_a_closer_of_the_other_kind_meets() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        args: [a, {b: c]
        """,
        ErrorAt(3, 11, 12, "the '{' that opens a mapping on line 3 is never closed: add the closing '}'"));

    [Fact]
    public Task Reported_at_a_duplicate_key_naming_the_first() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        {|#0:kind|}: Job
        """,
        Error("key 'kind' appears twice in this mapping (first on line 2): remove one"));

    [Fact]
    public Task Reported_at_a_duplicate_key_of_a_list_entry_naming_the_first() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              containers:
                - name: flow
                  image: busybox
                - name: sidecar
                  image: busybox
                  {|#0:name|}: other
        """,
        Error("key 'name' appears twice in this mapping (first on line 9): remove one"));

    [Fact]
    public Task Reported_at_a_key_indented_under_a_key_that_has_a_value() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: a
            {|#0:labels|}: x
        """,
        Error("'labels' on line 5 is indented more than 'name' on line 4, which already has a value: indent it by 2 spaces like 'name'"));

    [Fact]
    public Task Reported_at_a_key_indented_to_no_level_above_it() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
            name: a
          {|#0:labels|}:
            team: data
        """,
        Error("'labels' on line 5 is indented by 2 spaces, which lines up with no entry above it: indent it by 4 spaces like 'name' on line 4, or by 0 spaces like 'metadata' on line 3"));

    [Fact]
    public Task Reported_at_a_list_entry_indented_unlike_the_one_above() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              containers:
                - name: flow
               {|#0:-|} name: sidecar
        """,
        Error("the list entry on line 8 is indented by 7 spaces, but the entry on line 7 by 8 spaces: indent the entries of a list alike"));

    [Fact]
    public Task Reported_at_a_key_indented_like_the_list_entries_above_it() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              containers:
                - name: flow
                {|#0:restartPolicy|}: Never
        """,
        Error("'restartPolicy' on line 8 is indented like the list entries above it (line 7): make it a list entry ('- restartPolicy: Never'), or indent it like the key that holds the list"));

    [Fact]
    public Task Reported_at_a_key_without_its_colon() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        {|#0:kind|} Job
        metadata:
          name: a
        """,
        Error("the key 'kind' on line 2 has no ':' after it: write 'kind: Job'"));

    [Fact]
    public Task Reported_at_a_key_without_its_colon_that_the_parser_reads_into_the_next_line() => VerifyKubernetes.JobSpecAsync("""
        {|#0:apiVersion|} batch/v1
        kind: Job
        """,
        Error("the key 'apiVersion' on line 1 has no ':' after it: write 'apiVersion: batch/v1'"));

    [Fact]
    public Task Reported_at_a_plain_value_that_holds_a_colon_and_a_space() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          annotations:
            note: {|#0:retries: none|}
        """,
        Error("the value of 'note' on line 5 contains ': ', which YAML reads as a new key: quote the value (note: \"retries: none\")"));

    [Fact]
    public Task Reported_at_a_value_that_starts_with_a_reserved_character() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {|#0:@|}import
        """,
        Error("a value cannot start with '@' (line 4), which YAML reserves: quote it (\"@import\")"));

    [Fact]
    public Task Reported_at_an_alias_to_an_unknown_anchor() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          labels: {|#0:*common|}
        """,
        Error("the alias '*common' on line 4 refers to no anchor: define '&common' on a value before it, or write the value itself"));

    [Fact]
    public Task Reported_with_the_parsers_message_at_its_position_for_other_errors() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: {|#0:!<Job|}
        """,
        Error("While scanning a tag, did not find the expected '>'."));

    [Fact]
    public Task Not_reported_for_valid_yaml() => VerifyKubernetes.JobSpecAsync(SeedSpecs.ResourceLimits);

    [Fact]
    public Task Not_confused_by_quotes_brackets_and_tabs_in_a_block_scalar() => VerifyKubernetes.JobSpecAsync(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: a\n  annotations:\n    note: |\n      it's [not \"closed\n      \tand {tabbed\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: flow\n");
}
