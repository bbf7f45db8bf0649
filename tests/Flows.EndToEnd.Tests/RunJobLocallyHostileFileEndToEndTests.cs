using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.EndToEnd.Tests;

/// <summary>
/// <c>run-job-locally --file</c> of the built HelloFlow entrypoint, as a process: a hostile file ends it at once with one
/// line and exit code 2 while its memory stays small, and SIGTERM stops it while it waits for a slow writer (a FIFO,
/// or stdin). The messages at each position: Flows.Docker.Tests' HostileJobFileTests.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RunJobLocallyHostileFileEndToEndTests
{
    /// <summary>
    /// Peak resident memory allowed: the entrypoint alone peaks at about 45 MB here; a bomb expanded even to its
    /// first 10⁸ scalars would take gigabytes.
    /// </summary>
    private const long MaxPeakBytes = 250L * 1024 * 1024;

    /// <summary>A hang guard, not a speed test.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private const int Sigterm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    public static TheoryData<string, string> HostileFiles() => new()
    {
        { "alias bomb", "9:49" },
        { "deep nesting", "3:106" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_ends_the_process_at_once_with_one_line_and_little_memory(string form, string position)
    {
        var dll = await SampleApps.BuiltEntryPointAsync("HelloFlow");
        var work = Directory.CreateTempSubdirectory("flows-hostile-job-").FullName;
        try
        {
            var file = Path.Combine(work, "job.yaml");
            File.WriteAllText(file, form == "alias bomb" ? HostileYaml.AliasBomb() : HostileYaml.DeepNesting());

            // The heap cap makes an unbounded load fail loudly (OutOfMemory); the peak is the kernel's own count of the
            // process's resident memory (getrusage of the waited-for child), so a run too quick to sample is still measured.
            var peakFile = Path.Combine(work, "peak-kib");
            using var run = ProcessRunner.Start("python3", ["-c", PeakResidentMemoryOfChild, peakFile, "dotnet", dll, "run-job-locally", "--file", file], work,
                new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" }, step: $"HelloFlow run-job-locally --file ({form})");
            var result = await run.WaitAsync(Limit);
            var peakBytes = long.Parse(File.ReadAllText(peakFile).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;

            Assert.True(result.ExitCode == 2, result.ToString());
            var line = Assert.Single(result.Error.Split('\n').Select(l => l.TrimEnd('\r')), l => l.Length > 0);
            Assert.StartsWith($"error: the Job from {file} is not loaded: {file}:{position}: ", line);
            Assert.Equal("", result.Output);
            Assert.True(peakBytes > 0, "getrusage gave no peak for the process");
            Assert.True(peakBytes < MaxPeakBytes, $"peak resident memory {peakBytes / (1024 * 1024)} MiB");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData("--file FIFO")]
    [InlineData("--file - (stdin)")]
    public async Task SIGTERM_stops_a_read_that_waits_for_its_writer(string form)
    {
        var dll = await SampleApps.BuiltEntryPointAsync("HelloFlow");
        var work = Directory.CreateTempSubdirectory("flows-slow-job-").FullName;
        try
        {
            var fifo = Path.Combine(work, "job.fifo");
            var mkfifo = await ProcessRunner.RunAsync("mkfifo", [fifo], work, StepLimits.Command);
            Assert.True(mkfifo.ExitCode == 0, mkfifo.ToString());

            // stdin: sh opens the FIFO as the entrypoint's stdin and execs it (same pid, so the signal reaches dotnet).
            using var run = form.StartsWith("--file FIFO", StringComparison.Ordinal)
                ? ProcessRunner.Start("dotnet", [dll, "run-job-locally", "--file", fifo], work, step: "HelloFlow run-job-locally --file FIFO")
                : ProcessRunner.Start("sh", ["-c", "exec dotnet \"$1\" run-job-locally --file - < \"$2\"", "sh", dll, fifo], work, step: "HelloFlow run-job-locally --file -");
            // Opening a FIFO to write waits for a reader (for stdin, sh's redirection, before dotnet starts). A write of
            // more than the pipe's 64 KiB buffer ends only once the command has read the rest: then it is in its read
            // loop, past setting up its SIGTERM handler, and waits for more.
            using var started = new CancellationTokenSource(Limit);
            await using var writer = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write), started.Token).WaitAsync(started.Token);
            var comments = string.Concat(Enumerable.Repeat("# a Job that is written slowly\n", 256 * 1024 / 31));
            await writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes("apiVersion: batch/v1\nkind: Job\n" + comments)).AsTask().WaitAsync(started.Token);
            await writer.FlushAsync().WaitAsync(started.Token);

            Assert.Equal(0, kill(run.Id, Sigterm));
            // The writer stays open: without giving up the read, the process would wait for it and this would time out.
            var result = await run.WaitAsync(TimeSpan.FromSeconds(15));

            Assert.True(result.ExitCode == 130, result.ToString());
            Assert.Contains("Interrupted (Ctrl+C or SIGTERM) while reading the Job from ", result.Error);
            Assert.Contains("nothing was started", result.Error);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs argv[2:], writes the child's peak resident memory in KiB (Linux ru_maxrss) to argv[1], exits with its code.</summary>
    private const string PeakResidentMemoryOfChild =
        "import resource, subprocess, sys\n" +
        "code = subprocess.run(sys.argv[2:]).returncode\n" +
        "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n" +
        "sys.exit(code if code >= 0 else 128 - code)\n";
}
