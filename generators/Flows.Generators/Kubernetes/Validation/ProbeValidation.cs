using System;

namespace Flows.Generators.Kubernetes.Validation;

// Not checked at build time, and why: nothing of validateProbe, validateHandler and validateLifecycle depends on the
// cluster or on a feature gate. Defaulting is applied first: timeoutSeconds 1, periodSeconds 10, successThreshold 1,
// failureThreshold 3 when 0 or absent; httpGet path "/" and scheme HTTP when empty.

/// <summary>validateProbe, validateHandler and validateLifecycle of pkg/apis/core/validation (1.20).</summary>
internal static class ProbeValidation
{
    private static readonly string[] SupportedHttpSchemes = { "HTTP", "HTTPS" };

    /// <summary>validateProbe: a liveness, readiness or startup probe (nothing when absent).</summary>
    public static void ValidateProbe(SpecValidation validation, SpecNode probe)
    {
        if (!probe.Exists)
        {
            return;
        }
        ValidateHandler(validation, probe);
        foreach (var field in new[] { "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold" })
        {
            CommonRules.NonNegative(validation, probe[field]);
        }
    }

    /// <summary>validateContainers' liveness- and startup-specific rule: successThreshold must be 1 (0 or absent is defaulted to 1).</summary>
    public static void ValidateSuccessThresholdIsOne(SpecValidation validation, SpecNode successThreshold)
    {
        if (successThreshold.Integer is { } value && value != 0 && value != 1)
        {
            validation.Errors.Invalid(successThreshold, value, "must be 1");
        }
    }

    /// <summary>validateLifecycle: postStart and preStop handlers.</summary>
    public static void ValidateLifecycle(SpecValidation validation, SpecNode lifecycle)
    {
        foreach (var field in new[] { "postStart", "preStop" })
        {
            if (lifecycle[field].Exists)
            {
                ValidateHandler(validation, lifecycle[field]);
            }
        }
    }

    /// <summary>validateHandler: exactly one of exec, httpGet, tcpSocket.</summary>
    public static void ValidateHandler(SpecValidation validation, SpecNode handler)
    {
        var numHandlers = 0;
        foreach (var type in new[] { "exec", "httpGet", "tcpSocket" })
        {
            var action = handler[type];
            if (!action.Exists)
            {
                continue;
            }
            if (numHandlers > 0)
            {
                validation.Errors.Forbidden(action, "may not specify more than 1 handler type");
                continue;
            }
            numHandlers++;
            switch (type)
            {
                case "exec":
                    ValidateExecAction(validation, action);
                    break;
                case "httpGet":
                    ValidateHttpGetAction(validation, action);
                    break;
                default:
                    ValidateTcpSocketAction(validation, action);
                    break;
            }
        }
        if (numHandlers == 0)
        {
            validation.Errors.Required(handler, "must specify a handler type (exec, httpGet or tcpSocket)");
        }
    }

    /// <summary>validateExecAction.</summary>
    private static void ValidateExecAction(SpecValidation validation, SpecNode exec)
    {
        var command = exec["command"];
        if (command.Count == 0 && (!command.Exists || command.IsArray))
        {
            validation.Errors.Required(command, "");
        }
    }

    /// <summary>validateHTTPGetAction (path and scheme defaulted first).</summary>
    private static void ValidateHttpGetAction(SpecValidation validation, SpecNode http)
    {
        ValidatePortNumOrName(validation, http["port"]);
        var scheme = http["scheme"];
        if (scheme.String is { Length: > 0 } value && Array.IndexOf(SupportedHttpSchemes, value) < 0)
        {
            validation.Errors.NotSupported(scheme, value, SupportedHttpSchemes);
        }
        var headersPath = http["httpHeaders"];
        foreach (var header in http["httpHeaders"].Items)
        {
            if (header["name"].Exists && header["name"].String is null)
            {
                continue;
            }
            var name = header["name"].StringOrEmpty;
            // The server reports it at httpGet.httpHeaders, without the index.
            validation.Errors.InvalidEach(header["name"].At(headersPath.Path), name, NameRules.IsHttpHeaderName(name));
        }
    }

    /// <summary>validateTCPSocketAction.</summary>
    private static void ValidateTcpSocketAction(SpecValidation validation, SpecNode tcp) => ValidatePortNumOrName(validation, tcp["port"]);

    /// <summary>ValidatePortNumOrName: an IntOrString port, 1-65535 or an IANA_SVC_NAME (absent is the number 0).</summary>
    public static void ValidatePortNumOrName(SpecValidation validation, SpecNode port)
    {
        if (port.String is { } name)
        {
            validation.Errors.InvalidEach(port, name, NameRules.IsValidPortName(name));
        }
        else if (ContainerValidation.IntOrZero(port) is { } number)
        {
            foreach (var message in NameRules.IsValidPortNum(number))
            {
                validation.Errors.Invalid(port, number, message);
            }
        }
    }
}
