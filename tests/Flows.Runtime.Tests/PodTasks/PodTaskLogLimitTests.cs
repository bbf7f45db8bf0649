using System.Linq;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>The whole log a container task returns as its result is kept only up to <see cref="PodTaskOutputLimits.MaxResultBytes"/>.</summary>
public class PodTaskLogLimitTests
{
    [Fact]
    public void A_whole_log_within_the_limit_is_kept_and_its_size_counts_the_line_breaks_between_lines()
    {
        var log = new PodTaskLog(NullLogger.Instance, keepWholeLog: true);
        log.Add("a");
        log.Add("");
        log.Add("été");

        Assert.Equal("a\n\nété", log.WholeLog);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount("a\n\nété"), log.WholeLogBytes);
    }

    [Fact]
    public void Past_the_limit_the_whole_log_is_dropped_but_its_size_is_counted_on_and_the_tail_is_kept()
    {
        var log = new PodTaskLog(NullLogger.Instance, keepWholeLog: true);
        var line = new string('x', 1023);
        for (var i = 0; i < 3 * 1024; i++)
        {
            log.Add(line);
        }

        Assert.Null(log.WholeLog);
        Assert.Equal(3L * 1024 * 1024 - 1, log.WholeLogBytes);
        Assert.Equal(PodTaskOutcome.LogTailLines, log.Tail.Count);
    }

    [Fact]
    public void Without_keeping_the_whole_log_nothing_is_counted()
    {
        var log = new PodTaskLog(NullLogger.Instance, keepWholeLog: false);
        log.Add(new string('x', 2 * 1024 * 1024));

        Assert.Null(log.WholeLog);
        Assert.Equal(0, log.WholeLogBytes);
        Assert.Single(log.Tail);
    }
}
