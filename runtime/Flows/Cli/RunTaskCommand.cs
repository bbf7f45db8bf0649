using System;
using System.CommandLine;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Flows.Cli;

/// <summary>
/// <c>run-task</c>: what a [PodTask]'s primary container runs — one task of a flow, once, with its inputs from
/// FLOWS__TASK__INPUTS, writing its result to the termination message. Not meant to be typed by hand.
/// </summary>
internal static class RunTaskCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var flowOption = FlowsCommandLineContext.CreateFlowOption();
        var taskOption = new Option<string>("--task", "-t") { Description = "The task to run.", Required = true };
        var paramOption = FlowsCommandLineContext.CreateParamOption();
        var command = new Command("run-task", $"Run one task of a flow once, as a pod task's container does: inputs from {PodTaskVariables.Inputs}, result to the termination message.")
        {
            flowOption, taskOption, paramOption,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var flow = context.SelectFlow(parseResult.GetValue(flowOption));
            if (flow is null)
            {
                return ExitCodes.UsageError;
            }
            var parameters = RunCommand.ParseParameters(flow, parseResult.GetValue(paramOption) ?? Array.Empty<string>(), context.Error);
            if (parameters is null)
            {
                return ExitCodes.UsageError;
            }
            var output = TextWriter.Synchronized(context.Output);
            using var loggerFactory = LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Information)
                .AddProvider(new TaskLogWriterProvider(output, messagesOnly: true)));
            return await PodTaskEntry.RunAsync(flow, parseResult.GetValue(taskOption)!, parameters, loggerFactory, context.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
