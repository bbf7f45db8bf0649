using System.Collections.Generic;
using System.Linq;

namespace Flows.Kubernetes.Tests;

public class LogLineTests
{
    [Theory]
    [InlineData("2030-01-01T00:00:01.3000001Z", 1893456001L, 300000100)]
    [InlineData("2030-01-01T00:00:01Z", 1893456001L, 0)]
    [InlineData("2030-01-01T00:00:01.123456789Z", 1893456001L, 123456789)]
    [InlineData("2030-01-01T02:00:01.5+02:00", 1893456001L, 500000000)]
    public void Kubelet_timestamps_are_read_to_the_nanosecond(string text, long seconds, int nanoseconds)
    {
        Assert.True(LogTimestamp.TryParse(text, out var timestamp));
        Assert.Equal(new LogTimestamp(seconds, nanoseconds), timestamp);
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("2030-01-01 00:00:01Z x")]
    [InlineData("2030-01-01T00:00:01.Z x")]
    [InlineData("2030-01-01T00:00:01.1234567890Z x")]
    public void A_line_without_a_timestamp_is_kept_whole(string line)
    {
        Assert.False(LogTimestamp.TrySplitLine(line, out _, out var content));
        Assert.Equal(line, content);
    }

    [Fact]
    public void Since_time_rounds_down_to_the_second_because_the_kubelet_gets_whole_seconds()
    {
        Assert.True(LogTimestamp.TryParse("2030-01-01T00:00:01.999Z", out var timestamp));
        Assert.Equal("2030-01-01T00:00:01Z", timestamp.ToSinceTime());
    }

    [Fact]
    public void A_resumed_stream_drops_what_was_printed_and_keeps_what_is_new()
    {
        var lines = new LogLineDeduplicator();
        var printed = new List<string>();
        void Read(params string[] stream)
        {
            lines.BeginStream();
            printed.AddRange(stream.Select(l => lines.Accept(l, out var content) ? content : null).OfType<string>());
        }

        Read("2030-01-01T00:00:01.1Z a", "2030-01-01T00:00:01.2Z b", "2030-01-01T00:00:01.2Z b");
        Assert.Equal("2030-01-01T00:00:01Z", lines.SinceTime);
        // Resumed from the start of the second: a and the two b's come again; the third b and c are new.
        Read("2030-01-01T00:00:01.1Z a", "2030-01-01T00:00:01.2Z b", "2030-01-01T00:00:01.2Z b", "2030-01-01T00:00:01.2Z b", "2030-01-01T00:00:02Z c");
        Read("2030-01-01T00:00:02Z c");

        Assert.Equal(["a", "b", "b", "b", "c"], printed);
    }

    [Fact]
    public void After_the_overlap_every_line_is_printed_even_if_its_clock_went_back()
    {
        var lines = new LogLineDeduplicator();
        lines.BeginStream();
        Assert.True(lines.Accept("2030-01-01T00:00:05Z a", out _));
        lines.BeginStream();
        Assert.False(lines.Accept("2030-01-01T00:00:05Z a", out _));
        Assert.True(lines.Accept("2030-01-01T00:00:06Z b", out _));
        Assert.True(lines.Accept("2030-01-01T00:00:04Z clock stepped back", out var content));
        Assert.Equal("clock stepped back", content);
    }
}
