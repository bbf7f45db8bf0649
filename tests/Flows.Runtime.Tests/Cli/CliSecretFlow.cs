using Microsoft.Extensions.Logging;

namespace Flows.Runtime.Tests.Cli;

/// <summary>
/// A required secret parameter, read from FLOWS__PARAM__CLIRUNTOKEN (the task logs only the value's length), and an
/// optional secret number, from FLOWS__PARAM__CLIRUNPIN.
/// </summary>
[Flow("cli secret")]
internal static partial class CliSecretFlow
{
    public const string Variable = "FLOWS__PARAM__CLIRUNTOKEN";
    public const string PinVariable = "FLOWS__PARAM__CLIRUNPIN";

    [FlowTask]
    public static int UseToken(TaskRunContext context, [FlowParameter("cliRunToken", Secret = true, Description = "an API token")] string token)
    {
        context.Logger.LogInformation("the token has {Length} characters", token.Length);
        return token.Length;
    }

    [FlowTask]
    public static bool CheckPin([FlowParameter("cliRunPin", Secret = true)] int pin = 0) => pin >= 0;
}
