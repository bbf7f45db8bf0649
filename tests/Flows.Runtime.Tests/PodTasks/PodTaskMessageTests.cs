using System;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>The termination message a pod task's container writes and its runner reads.</summary>
public class PodTaskMessageTests
{
    [Fact]
    public void A_result_an_empty_result_a_skip_and_an_error_read_back_as_written()
    {
        Assert.Equal("[1,2]", PodTaskMessage.Read("T", PodTaskMessage.Success("[1,2]")).ResultJson);
        Assert.Null(PodTaskMessage.Read("T", PodTaskMessage.Success(null)).ResultJson);
        Assert.Equal("not today", PodTaskMessage.Read("T", PodTaskMessage.Skipped("not today")).SkipReason);
        var error = PodTaskMessage.Read("T", PodTaskMessage.Error(new InvalidOperationException("it's broken")));
        Assert.Equal("it's broken", error.Error);
        Assert.Equal("System.InvalidOperationException", error.ErrorType);
    }

    [Fact]
    public void A_message_cut_at_the_kubelet_limit_is_reported_as_a_result_too_large_with_what_to_do()
    {
        var cut = PodTaskMessage.Success("\"" + new string('x', 5000) + "\"").Substring(0, PodTaskMessage.MaxBytes);

        var error = Assert.Throws<PodTaskException>(() => PodTaskMessage.Read("Big", cut));

        Assert.Contains("task 'Big'", error.Message);
        Assert.Contains("at most 4096 bytes", error.Message);
        Assert.Contains("Return something smaller", error.Message);
    }

    [Theory]
    [InlineData(null, "wrote no termination message")]
    [InlineData("", "wrote no termination message")]
    [InlineData("Error: something", "not a Flows result")]
    public void A_missing_or_foreign_message_is_a_clear_error(string? message, string expected)
    {
        var error = Assert.Throws<PodTaskException>(() => PodTaskMessage.Read("T", message));

        Assert.Contains(expected, error.Message);
    }
}
