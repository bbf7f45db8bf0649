using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Flows.Yaml;
using YamlDotNet.Core;

namespace Flows.Runtime.Tests.Yaml;

/// <summary>
/// The one YAML loader (build and run time) ends every hostile form quickly, with a clear error at its line, and
/// without the memory or stack the unbounded loader took: each limit, just under it and just over it.
/// </summary>
public sealed class BoundedYamlLimitTests
{
    private static readonly YamlLimits Small = new() { MaxCharacters = 1000, MaxDepth = 5, MaxNodes = 20, MaxExpandedCharacters = 100 };

    [Fact]
    public void Nesting_to_the_depth_limit_loads_and_one_level_more_fails_at_that_level()
    {
        BoundedYaml.Load(new string('[', 5) + new string(']', 5), Small);
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(new string('[', 6) + new string(']', 6), Small));
        Assert.Equal(1, error.Start.Line);
        Assert.Equal(6, error.Start.Column);
        Assert.Contains("nested 6 levels deep, more than the 5", error.Problem);
    }

    [Fact]
    public void Block_nesting_past_the_limit_fails_at_the_line_of_the_mapping_too_deep()
    {
        var text = string.Concat(Enumerable.Range(0, 7).Select(level => new string(' ', 2 * level) + "a:\n")) + new string(' ', 14) + "b: 1\n";
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text, Small));
        Assert.Equal(6, error.Start.Line);
    }

    [Fact]
    public void A_hundred_thousand_nested_brackets_fail_at_once_without_a_stack_overflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(101, error.Start.Column);
        Assert.Contains("more than the 100 Flows reads", error.Problem);
    }

    [Fact]
    public void A_billion_laughs_fails_at_the_alias_that_passes_the_node_limit_without_expanding_it()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text.ToString()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50_000_000, "the loader allocated more than 50 MB for a 1 KB file");
        // a3 stands for 11,111 nodes, and the 12,349 before line 5 with eight of them pass 100,000.
        Assert.Equal(5, error.Start.Line);
        Assert.Equal(5 + 8 * 5, error.Start.Column);
        Assert.Contains("the alias *a3 makes the document more than 100,000 nodes with aliases expanded", error.Problem);
    }

    [Fact]
    public void Aliases_up_to_the_node_limit_load_and_one_more_node_fails()
    {
        // 1 mapping + key + anchored list (1 + 3 items) + key + list (1 + 3 aliases of 4 nodes) = 20.
        const string exactly = "a: &x [1, 2, 3]\nb: [*x, *x, *x]\n";
        var stream = BoundedYaml.Load(exactly, Small);
        Assert.Equal("{\"a\":[1,2,3],\"b\":[[1,2,3],[1,2,3],[1,2,3]]}", YamlJsonText.Write(stream.Documents[0].RootNode));
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(exactly.Replace("*x]", "*x, 4]"), Small));
        Assert.Equal(2, error.Start.Line);
        Assert.Equal(17, error.Start.Column);
        Assert.Contains("this value makes the document more than 20 nodes", error.Problem);
    }

    [Fact]
    public void A_long_value_repeated_by_aliases_fails_at_the_expanded_character_limit()
    {
        var text = $"a: &long {new string('x', 40)}\nb: [*long, *long]\n";
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text, Small));
        Assert.Equal(2, error.Start.Line);
        Assert.Equal(12, error.Start.Column);
        Assert.Contains("more than 100 characters with aliases expanded", error.Problem);
        BoundedYaml.Load($"a: &long {new string('x', 40)}\nb: [*long]\n", Small);
    }

    [Theory]
    [InlineData("&r {self: *r}", 1, 11)]
    [InlineData("&r [a, *r]", 1, 8)]
    [InlineData("top:\n  inner: &r\n    list:\n      - *r\n", 4, 9)]
    public void An_alias_inside_its_own_anchor_is_refused_at_the_alias(string text, int line, int column)
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(line, error.Start.Line);
        Assert.Equal(column, error.Start.Column);
        Assert.Contains("is inside the node it refers to", error.Problem);
    }

    [Fact]
    public void An_anchor_defined_again_inside_itself_is_the_new_node_not_a_self_reference()
    {
        var stream = BoundedYaml.Load("&a [&a x, *a]");
        Assert.Equal("[\"x\",\"x\"]", YamlJsonText.Write(stream.Documents[0].RootNode));
    }

    [Fact]
    public void An_alias_without_an_anchor_is_a_syntax_error_with_its_position()
    {
        var error = Assert.Throws<AnchorNotFoundException>(() => BoundedYaml.Load("a: 1\nb: *nowhere\n"));
        Assert.Equal(2, error.Start.Line);
        Assert.Contains("The anchor 'nowhere' does not exist", error.Message);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_at_the_first_character_past_it()
    {
        var text = new string('#', 999) + "\nkind: Job\n";
        var error = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text, Small));
        Assert.Equal(2, error.Start.Line);
        Assert.Equal(1, error.Start.Column);
        Assert.Contains("longer than the 1,000 characters", error.Problem);
        Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(new string(' ', 3 * 1024 * 1024 + 1)));
    }

    [Fact]
    public void Aliases_count_over_every_document_of_the_stream()
    {
        var document = "a: &x [1, 2, 3]\nb: [*x]\n";
        BoundedYaml.Load(document, Small);
        Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(document + "---\n" + document, Small));
    }

    [Fact]
    public void A_cancelled_load_stops_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BoundedYaml.Load("a: 1\n", cancelled.Token));
    }

    [Fact]
    public void The_conversion_to_JSON_checks_for_cancellation_as_it_goes()
    {
        var stream = BoundedYaml.Load("[" + string.Join(", ", Enumerable.Range(0, 5000)) + "]");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => YamlJsonText.Write(stream.Documents[0].RootNode, cancelled.Token));
        Assert.StartsWith("[0,1,2", YamlJsonText.Write(stream.Documents[0].RootNode));
    }
}
