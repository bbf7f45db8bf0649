using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// How long each kind of step may take before the test stops it and fails, naming it. Sized for a loaded 2-core machine:
/// a cold <c>dotnet build</c> of a sample with its project references, or <c>build --push</c> (a self-contained publish, the
/// image, its check and the push), takes minutes there; a flow run or a quick command takes seconds.
/// </summary>
internal static class StepLimits
{
    /// <summary><c>dotnet build</c>, <c>dotnet publish</c>, <c>dotnet pack</c>.</summary>
    public static readonly TimeSpan DotnetBuild = TimeSpan.FromMinutes(10);

    /// <summary>The entrypoint's <c>build [--push]</c>: it runs <c>dotnet publish</c> itself, then builds, checks and pushes the image.</summary>
    public static readonly TimeSpan ImageBuild = TimeSpan.FromMinutes(10);

    /// <summary>A flow run (<c>run</c>, <c>run-job-locally</c>, <c>run-task</c>): the samples' runs take seconds; the limit leaves room for pulls and pod tasks' own timeouts.</summary>
    public static readonly TimeSpan FlowRun = TimeSpan.FromMinutes(4);

    /// <summary>A command that only reads and prints (<c>list</c>, <c>graph</c>, <c>render</c>, <c>--help</c>), or a docker CLI call.</summary>
    public static readonly TimeSpan Command = TimeSpan.FromMinutes(1);

    /// <summary>The limit of a command of a flow entrypoint, by its first argument.</summary>
    public static TimeSpan ForEntrypoint(IReadOnlyList<string> arguments) => arguments.Count == 0 ? Command : arguments[0] switch
    {
        "build" => ImageBuild,
        "run" or "run-job-locally" or "run-task" or "submit" => FlowRun,
        _ => Command,
    };

    /// <summary>"10 min", "90 s".</summary>
    public static string Describe(TimeSpan limit) =>
        limit.TotalSeconds % 60 == 0 ? $"{limit.TotalMinutes:0} min" : $"{limit.TotalSeconds:0.#} s";
}

/// <summary>Runs real processes (dotnet build, the built flow applications) and collects their output.</summary>
internal sealed class ProcessRunner : IDisposable
{
    /// <summary>How many of the last lines of each stream a timeout's failure shows.</summary>
    public const int TailLines = 40;

    private readonly Process _process;
    private readonly string _step;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly SemaphoreSlim _outputChanged = new(0);

    private ProcessRunner(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment, string? step)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // A sample's 'run' keeps its run in FLOWS_HOME's store: this test run's own folder, never the real ~/.flows.
        startInfo.Environment["FLOWS_HOME"] = TestFlowsHome.Directory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }
        _step = step ?? DefaultStep(fileName, startInfo.ArgumentList);
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="step">What the process is for, as a timeout's failure names it (e.g. "dotnet build of samples/HelloFlow"); default: the program and its first argument.</param>
    public static ProcessRunner Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, string? step = null) =>
        new(fileName, arguments, workingDirectory, environment, step);

    /// <summary>Runs the process to its end; past <paramref name="timeout"/> it is killed and the step fails with its name, command, limit and output's tail.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null,
        string? step = null)
    {
        using var runner = Start(fileName, arguments, workingDirectory, environment, step);
        return await runner.WaitAsync(timeout);
    }

    /// <summary>"dotnet build", "docker pull", or for <c>dotnet App.dll run ...</c> "App run".</summary>
    private static string DefaultStep(string fileName, IList<string> arguments)
    {
        var program = System.IO.Path.GetFileName(fileName);
        if (program == "dotnet" && arguments.Count > 0 && arguments[0].EndsWith(".dll", StringComparison.Ordinal))
        {
            return System.IO.Path.GetFileNameWithoutExtension(arguments[0]) + (arguments.Count > 1 ? " " + arguments[1] : "");
        }
        return program + (arguments.Count > 0 ? " " + arguments[0] : "");
    }

    /// <summary>The command line, with arguments that hold spaces or quotes quoted.</summary>
    public string CommandLine =>
        string.Join(' ', new[] { _process.StartInfo.FileName }.Concat(_process.StartInfo.ArgumentList).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => !char.IsWhiteSpace(c) && c is not '\'' and not '"' and not ';' and not '&' and not '|') ? word : "'" + word.Replace("'", "'\\''") + "'";

    /// <summary>Waits until stdout contains <paramref name="text"/>; fails if the process ends or the limit passes first.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) => WaitForTextAsync(_output, text, timeout);

    /// <summary>Waits until stderr contains <paramref name="text"/>; fails if the process ends or the limit passes first.</summary>
    public Task WaitForErrorAsync(string text, TimeSpan timeout) => WaitForTextAsync(_error, text, timeout);

    private async Task WaitForTextAsync(StringBuilder stream, string text, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (stream)
            {
                if (stream.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process ended before printing '{text}'.\n{Snapshot()}");
            }
            try
            {
                await _outputChanged.WaitAsync(TimeSpan.FromMilliseconds(200), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Step '{_step}': '{text}' did not appear within {StepLimits.Describe(timeout)}: {CommandLine} (in {_process.StartInfo.WorkingDirectory}).\n{Tail()}");
            }
        }
    }

    public async Task<ProcessResult> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"Step '{_step}' did not end within its limit of {StepLimits.Describe(timeout)} and was killed: {CommandLine} (in {_process.StartInfo.WorkingDirectory}).\n{Tail()}");
        }
        _process.WaitForExit();
        return Snapshot();
    }

    /// <summary>The last <see cref="TailLines"/> lines of stdout and of stderr.</summary>
    private string Tail()
    {
        static string Last(StringBuilder buffer)
        {
            string[] lines;
            lock (buffer)
            {
                lines = buffer.ToString().Split('\n');
            }
            var kept = lines.Length > TailLines + 1 ? lines[^(TailLines + 1)..] : lines;
            return (lines.Length > kept.Length ? $"({lines.Length - kept.Length} earlier lines left out)\n" : "") + string.Join('\n', kept).TrimEnd();
        }
        return $"--- stdout, last {TailLines} lines\n{Last(_output)}\n--- stderr, last {TailLines} lines\n{Last(_error)}";
    }

    private ProcessResult Snapshot()
    {
        lock (_output)
        lock (_error)
        {
            return new ProcessResult(_process.HasExited ? _process.ExitCode : -1, _output.ToString(), _error.ToString());
        }
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (buffer)
        {
            buffer.AppendLine(line);
        }
        _outputChanged.Release();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
