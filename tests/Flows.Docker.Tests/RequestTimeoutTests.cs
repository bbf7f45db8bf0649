using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>An engine that answers the ping and then leaves a request unanswered: a clear error in bounded time, not a bare cancellation after 100 s.</summary>
public sealed class RequestTimeoutTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_create_the_engine_never_answers_fails_after_the_limit_naming_the_engine_the_operation_and_the_limit()
    {
        await using var daemon = new StallingDaemon();
        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = daemon.Url, RequestTimeout = Limit });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerRequestTimeoutException>(() =>
            docker.CreateContainerAsync(new ContainerSpec("local/busybox:1")).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.InRange(clock.Elapsed, Limit - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        Assert.StartsWith($"The Docker engine at {daemon.Url} did not answer 'create container' within 1 s; ", error.Message);
        Assert.Contains("DockerConnectionOptions.RequestTimeout", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("create container", error.Operation);
        Assert.Contains(daemon.Requests, request => request.EndsWith("/containers/create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_limit_is_30_seconds_and_an_infinite_one_turns_it_off()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new DockerConnectionOptions().RequestTimeout);
        await using var daemon = new StallingDaemon();
        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = daemon.Url, RequestTimeout = Timeout.InfiniteTimeSpan });

        var start = docker.StartContainerAsync("stuck");

        Assert.False(await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(2))) == start, "the request ended without an answer though it has no limit");
    }

    [Fact]
    public async Task A_followed_log_that_began_at_once_may_stay_open_past_the_limit()
    {
        await using var daemon = new StallingDaemon();
        daemon.Answer("/slow/json", async (stream, token) =>
        {
            // The client asks whether the container has a TTY before it reads the log.
            const string inspect = "{\"Id\":\"slow\",\"Config\":{\"Tty\":false}}";
            await stream.WriteAsync(StallingDaemon.Ascii($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {inspect.Length}\r\nConnection: close\r\n\r\n{inspect}"), token);
            await stream.FlushAsync(token);
            stream.Close();
        });
        daemon.Answer("/logs", async (stream, token) =>
        {
            // The engine sends the headers at once, then the lines as the container writes them.
            await stream.WriteAsync(StallingDaemon.Ascii("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\nTransfer-Encoding: chunked\r\n\r\n"), token);
            await stream.FlushAsync(token);
            await Task.Delay(Limit * 2.5, token);
            await stream.WriteAsync(Chunk(Frame("late line\n")), token);
            await stream.WriteAsync(Chunk([]), token);
            await stream.FlushAsync(token);
            stream.Close();
        });
        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = daemon.Url, RequestTimeout = Limit });
        var clock = Stopwatch.StartNew();

        var lines = await docker.StreamContainerLogsAsync("slow", new ContainerLogOptions { Follow = true }).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(clock.Elapsed > Limit * 2, $"took only {clock.Elapsed}");
        Assert.Equal(["late line"], lines.Select(line => line.Text));
    }

    [Fact]
    public async Task A_wait_for_a_container_that_began_at_once_may_last_past_the_limit()
    {
        await using var daemon = new StallingDaemon();
        daemon.Answer("/wait", async (stream, token) =>
        {
            await stream.WriteAsync(StallingDaemon.Ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), token);
            await stream.FlushAsync(token);
            await Task.Delay(Limit * 2.5, token);
            await stream.WriteAsync(Chunk(StallingDaemon.Ascii("{\"StatusCode\":7}\n")), token);
            await stream.WriteAsync(Chunk([]), token);
            await stream.FlushAsync(token);
            stream.Close();
        });
        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = daemon.Url, RequestTimeout = Limit });

        var exitCode = await docker.WaitContainerAsync("slow").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(7, exitCode);
    }

    [Fact]
    public async Task An_upload_that_keeps_moving_is_not_cut_off_and_the_limit_counts_from_its_last_byte()
    {
        // The limit is 2 s here: the kernel's socket buffers take a few MB the engine has not read yet when the last byte is sent.
        var limit = TimeSpan.FromSeconds(2);
        const int size = 64 * 1024 * 1024;
        await using var daemon = new StallingDaemon();
        var received = 0L;
        daemon.Answer("/archive", async (stream, token) =>
        {
            // A slow engine: it takes the body at about 12 MB/s, so the upload of 64 MiB lasts more than twice the limit.
            var buffer = new byte[64 * 1024];
            var clock = Stopwatch.StartNew();
            // Up to the last bytes: the reader of the request's headers may hold a few of the body.
            while (received < size - 64 * 1024)
            {
                received += await stream.ReadAsync(buffer, token);
                var due = TimeSpan.FromSeconds(received / (12.0 * 1024 * 1024));
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, token);
                }
            }
            await stream.WriteAsync(StallingDaemon.Ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), token);
            await stream.FlushAsync(token);
            while (await stream.ReadAsync(buffer, token) > 0)
            {
            }
        });
        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = daemon.Url, RequestTimeout = limit });
        var clock = Stopwatch.StartNew();

        await docker.Client.Containers.ExtractArchiveToContainerAsync("slow", new global::Docker.DotNet.Models.CopyToContainerParameters { Path = "/" },
            new MemoryStream(new byte[size]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(clock.Elapsed > limit * 2, $"the upload took only {clock.Elapsed}, not long enough to show anything");
    }

    /// <summary>A piece of a chunked body, as the engine streams it; an empty one ends the body.</summary>
    private static byte[] Chunk(byte[] data) =>
        [.. StallingDaemon.Ascii($"{data.Length:x}\r\n"), .. data, .. StallingDaemon.Ascii("\r\n")];

    /// <summary>A frame of the engine's multiplexed log stream: stream 1 (stdout), then the length, big-endian.</summary>
    private static byte[] Frame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[8 + payload.Length];
        frame[0] = 1;
        frame[4] = (byte)(payload.Length >> 24);
        frame[5] = (byte)(payload.Length >> 16);
        frame[6] = (byte)(payload.Length >> 8);
        frame[7] = (byte)payload.Length;
        payload.CopyTo(frame, 8);
        return frame;
    }
}
