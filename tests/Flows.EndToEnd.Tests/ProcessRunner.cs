using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs real processes (dotnet build, the built flow applications) and collects their output.</summary>
internal sealed class ProcessRunner : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly SemaphoreSlim _outputChanged = new(0);

    private ProcessRunner(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment)
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
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public static ProcessRunner Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null) =>
        new(fileName, arguments, workingDirectory, environment);

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        using var runner = Start(fileName, arguments, workingDirectory, environment);
        return await runner.WaitAsync(timeout);
    }

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
                throw new TimeoutException($"'{text}' did not appear within {timeout}.\n{Snapshot()}");
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
            throw new TimeoutException($"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)} did not end within {timeout}.\n{Snapshot()}");
        }
        _process.WaitForExit();
        return Snapshot();
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
