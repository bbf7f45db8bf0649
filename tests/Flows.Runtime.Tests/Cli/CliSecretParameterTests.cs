using System;
using System.Threading.Tasks;
using Flows.Cli;

namespace Flows.Runtime.Tests.Cli;

/// <summary>
/// run of a flow with a secret parameter. Only this class sets <see cref="CliSecretFlow.Variable"/>, and the tests of one
/// class do not run in parallel.
/// </summary>
public class CliSecretParameterTests
{
    private static readonly FlowDefinition[] Secret = [CliSecretFlow.Definition];

    [Fact]
    public async Task Run_reads_the_secret_from_the_environment_and_the_task_gets_it_but_the_output_never_shows_it()
    {
        const string value = "tok-run-5ecr3t-0123456789";
        var previous = Environment.GetEnvironmentVariable(CliSecretFlow.Variable);
        Environment.SetEnvironmentVariable(CliSecretFlow.Variable, value);
        CliRun run;
        try
        {
            run = await CliRun.InvokeAsync(Secret, "run", "--flow-run-id", "cli-secret-1", "--log-level", "Trace");
        }
        finally
        {
            Environment.SetEnvironmentVariable(CliSecretFlow.Variable, previous);
        }

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"the token has {value.Length} characters", run.Output);
        Assert.Contains("Flow 'cli secret' run cli-secret-1: Success in ", run.Output);
        Assert.Equal("", run.Error);
        Assert.DoesNotContain(value, run.Output);
    }

    [Fact]
    public async Task Run_with_the_secret_as_param_works_and_warns_once_without_repeating_the_value()
    {
        const string value = "tok-run-param-5ecr3t";
        var previous = Environment.GetEnvironmentVariable(CliSecretFlow.Variable);
        Environment.SetEnvironmentVariable(CliSecretFlow.Variable, null);
        CliRun run;
        try
        {
            run = await CliRun.InvokeAsync(Secret, "run", "--flow-run-id", "cli-secret-2", "--param", "cliRunToken=" + value);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CliSecretFlow.Variable, previous);
        }

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"the token has {value.Length} characters", run.Output);
        Assert.Equal("warning: flow parameter 'cliRunToken' is secret, and --param shows it in the process list and the shell history: " +
            $"set {CliSecretFlow.Variable} instead.", run.Error.TrimEnd());
        Assert.DoesNotContain(value, run.Output + run.Error);
    }

    [Fact]
    public async Task Run_without_the_required_secret_is_a_usage_error_naming_its_environment_variable()
    {
        var previous = Environment.GetEnvironmentVariable(CliSecretFlow.Variable);
        Environment.SetEnvironmentVariable(CliSecretFlow.Variable, null);
        CliRun run;
        try
        {
            run = await CliRun.InvokeAsync(Secret, "run", "--flow-run-id", "cli-secret-3");
        }
        finally
        {
            Environment.SetEnvironmentVariable(CliSecretFlow.Variable, previous);
        }

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Equal($"error: Flow parameter 'cliRunToken' is required and secret: set the environment variable {CliSecretFlow.Variable}.", run.Error.TrimEnd());
        Assert.DoesNotContain("UseToken", run.Output);
    }

    [Fact]
    public async Task A_secret_value_that_does_not_parse_is_a_usage_error_that_does_not_show_it()
    {
        const string pin = "pin-5ecr3t-not-a-number";
        var previous = (Environment.GetEnvironmentVariable(CliSecretFlow.Variable), Environment.GetEnvironmentVariable(CliSecretFlow.PinVariable));
        Environment.SetEnvironmentVariable(CliSecretFlow.Variable, "tok-run-5ecr3t");
        Environment.SetEnvironmentVariable(CliSecretFlow.PinVariable, pin);
        CliRun run;
        try
        {
            run = await CliRun.InvokeAsync(Secret, "run", "--flow-run-id", "cli-secret-4");
        }
        finally
        {
            Environment.SetEnvironmentVariable(CliSecretFlow.Variable, previous.Item1);
            Environment.SetEnvironmentVariable(CliSecretFlow.PinVariable, previous.Item2);
        }

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Equal("error: Flow parameter 'cliRunPin': the value is not a valid Int32 (it is secret, so it is not shown).", run.Error.TrimEnd());
        Assert.DoesNotContain("5ecr3t", run.Output + run.Error);
    }
}
