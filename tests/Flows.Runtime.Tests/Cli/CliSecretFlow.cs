using Microsoft.Extensions.Logging;

namespace Flows.Runtime.Tests.Cli;

/// <summary>A required secret parameter, read from FLOWS__PARAM__CLIRUNTOKEN; the task logs only the value's length.</summary>
[Flow("cli secret")]
internal static partial class CliSecretFlow
{
    public const string Variable = "FLOWS__PARAM__CLIRUNTOKEN";

    [FlowTask]
    public static int UseToken(TaskRunContext context, [FlowParameter("cliRunToken", Secret = true, Description = "an API token")] string token)
    {
        context.Logger.LogInformation("the token has {Length} characters", token.Length);
        return token.Length;
    }
}
