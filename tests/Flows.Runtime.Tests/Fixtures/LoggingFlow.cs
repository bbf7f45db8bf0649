using Microsoft.Extensions.Logging;

namespace Flows.Runtime.Tests.Fixtures;

[Flow("logging")]
internal static partial class LoggingFlow
{
    public const string Line = "hello from the task";

    [FlowTask]
    public static void Speak(TaskRunContext context) => context.Logger.LogInformation(Line);
}
