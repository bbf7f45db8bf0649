using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Flows.Generators.Kubernetes.Validation;

// Not checked at build time, and why:
// - privileged: true "disallowed by cluster policy": depends on the API server's --allow-privileged flag (cluster configuration).
// - procMount: ProcMountType is Alpha (off) in 1.20, so the server resets the field to Default and never rejects it.
// - seLinuxOptions and capabilities names: 1.20 has no rule for them (the runtime judges them when the container starts).
// - which sysctls are safe or allowed: the kubelet's --allowed-unsafe-sysctls and PodSecurityPolicy (cluster state).
// - seccomp annotations against the seccompProfile fields (validateSeccompAnnotationsAndFields): pod metadata, PodValidation's.

/// <summary>ValidatePodSecurityContext, ValidateSecurityContext and what they share (seccomp, Windows options, sysctls) of pkg/apis/core/validation (1.20).</summary>
internal static class SecurityContextValidation
{
    private const string SysctlSegmentFormat = "[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private const string SysctlFormat = "(" + SysctlSegmentFormat + "\\.)*" + SysctlSegmentFormat;
    private const int SysctlMaxLength = 253;
    private const int MaxGmsaCredentialSpecLengthInKiB = 64;
    private const int MaxGmsaCredentialSpecLength = MaxGmsaCredentialSpecLengthInKiB * 1024;
    private const int MaxRunAsUserNameDomainLength = 256;
    private const int MaxRunAsUserNameUserLength = 104;

    private static readonly Regex SysctlRegex = new("^" + SysctlFormat + "\\z", RegexOptions.CultureInvariant);
    private static readonly Regex CtrlRegex = new("[\\x00-\\x1f\\x7f]+", RegexOptions.CultureInvariant);
    private static readonly Regex ValidNetBiosRegex = new("^[^\\\\/:\\*\\?\"<>|\\.][^\\\\/:\\*\\?\"<>|]{0,14}\\z", RegexOptions.CultureInvariant);
    private const string DnsLabelFormat = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    private static readonly Regex ValidWindowsUserDomainDnsRegex = new("^" + DnsLabelFormat + "(?:\\." + DnsLabelFormat + ")*\\z", RegexOptions.CultureInvariant);
    private static readonly Regex InvalidUserNameCharsRegex = new("[\"/\\\\:;|=,\\+\\*\\?<>@\\[\\]]", RegexOptions.CultureInvariant);
    private static readonly Regex InvalidUserNameDotsSpacesRegex = new("^[\\. ]+\\z", RegexOptions.CultureInvariant);

    private static readonly string[] ValidFsGroupChangePolicies = { "Always", "OnRootMismatch" };
    private static readonly string[] SeccompProfileTypes = { "Localhost", "RuntimeDefault", "Unconfined" };

    /// <summary>ValidatePodSecurityContext: <paramref name="podSpec"/>'s securityContext (and the pod fields it is checked against).</summary>
    /// <remarks>
    /// The internal PodSecurityContext also holds v1's spec.hostNetwork, spec.hostPID and spec.shareProcessNamespace, so the
    /// server reports shareProcessNamespace at spec.securityContext.shareProcessNamespace. The server defaults a missing
    /// securityContext to {}, so the rules always run.
    /// </remarks>
    public static void ValidatePodSecurityContext(SpecValidation validation, SpecNode podSpec)
    {
        var errors = validation.Errors;
        var securityContext = podSpec["securityContext"];
        ValidateHostNetwork(validation, podSpec["hostNetwork"].Boolean == true, podSpec["containers"]);
        var fsGroup = securityContext["fsGroup"];
        if (fsGroup.Integer is { } gid)
        {
            foreach (var message in NameRules.IsValidGroupId(gid))
            {
                errors.Invalid(fsGroup, gid, message);
            }
        }
        ValidateUserAndGroup(validation, securityContext);
        foreach (var group in securityContext["supplementalGroups"].Items)
        {
            if (group.Integer is { } id)
            {
                foreach (var message in NameRules.IsValidGroupId(id))
                {
                    errors.Invalid(group, id, message);
                }
            }
        }
        var shareProcessNamespace = podSpec["shareProcessNamespace"];
        if (shareProcessNamespace.Boolean == true && podSpec["hostPID"].Boolean == true)
        {
            errors.Add(new SpecError(SpecErrorType.Invalid, securityContext.Path.Child("shareProcessNamespace"), shareProcessNamespace.Location, "true",
                "ShareProcessNamespace and HostPID cannot both be enabled", SpecRule.Other));
        }
        if (securityContext["sysctls"].Count != 0)
        {
            ValidateSysctls(validation, securityContext["sysctls"]);
        }
        var fsGroupChangePolicy = securityContext["fsGroupChangePolicy"];
        if (fsGroupChangePolicy.String is { } policy && Array.IndexOf(ValidFsGroupChangePolicies, policy) < 0)
        {
            errors.NotSupported(fsGroupChangePolicy, policy, ValidFsGroupChangePolicies);
        }
        ValidateSeccompProfileField(validation, securityContext["seccompProfile"]);
        ValidateWindowsSecurityContextOptions(validation, securityContext["windowsOptions"]);
    }

    /// <summary>ValidateSecurityContext: a container's securityContext.</summary>
    public static void ValidateSecurityContext(SpecValidation validation, SpecNode securityContext)
    {
        if (!securityContext.Exists)
        {
            return;
        }
        ValidateUserAndGroup(validation, securityContext);
        ValidateSeccompProfileField(validation, securityContext["seccompProfile"]);
        if (securityContext["allowPrivilegeEscalation"].Boolean == false)
        {
            if (securityContext["privileged"].Boolean == true)
            {
                validation.Errors.InvalidObject(securityContext, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
            }
            foreach (var capability in securityContext["capabilities"]["add"].Items)
            {
                if (capability.String == "CAP_SYS_ADMIN")
                {
                    validation.Errors.InvalidObject(securityContext, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
                }
            }
        }
        ValidateWindowsSecurityContextOptions(validation, securityContext["windowsOptions"]);
    }

    /// <summary>runAsUser (IsValidUserID) and runAsGroup (IsValidGroupID) of a pod's or a container's securityContext.</summary>
    private static void ValidateUserAndGroup(SpecValidation validation, SpecNode securityContext)
    {
        var runAsUser = securityContext["runAsUser"];
        if (runAsUser.Integer is { } uid)
        {
            foreach (var message in NameRules.IsValidUserId(uid))
            {
                validation.Errors.Invalid(runAsUser, uid, message);
            }
        }
        var runAsGroup = securityContext["runAsGroup"];
        if (runAsGroup.Integer is { } gid)
        {
            foreach (var message in NameRules.IsValidGroupId(gid))
            {
                validation.Errors.Invalid(runAsGroup, gid, message);
            }
        }
    }

    /// <summary>validateHostNetwork: with hostNetwork, each container port's hostPort (defaulted to containerPort) must equal its containerPort.</summary>
    private static void ValidateHostNetwork(SpecValidation validation, bool hostNetwork, SpecNode containers)
    {
        if (!hostNetwork)
        {
            return;
        }
        foreach (var container in containers.Items)
        {
            foreach (var port in container["ports"].Items)
            {
                var containerPort = port["containerPort"].Integer ?? 0;
                var hostPort = port["hostPort"].Integer ?? 0;
                if (hostPort != 0 && hostPort != containerPort)
                {
                    validation.Errors.Invalid(port["containerPort"], containerPort, "must match `hostPort` when `hostNetwork` is true");
                }
            }
        }
    }

    /// <summary>validateSysctls: names required, valid (IsValidSysctlName) and unique.</summary>
    private static void ValidateSysctls(SpecValidation validation, SpecNode sysctls)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sysctl in sysctls.Items)
        {
            var nameNode = sysctl["name"];
            if (nameNode.Exists && nameNode.String is null)
            {
                continue;
            }
            var name = nameNode.StringOrEmpty;
            if (name.Length == 0)
            {
                validation.Errors.Required(nameNode, "");
            }
            else if (!IsValidSysctlName(name))
            {
                validation.Errors.Invalid(nameNode, name, $"must have at most {SysctlMaxLength} characters and match regex {SysctlFormat}");
            }
            else if (names.Contains(name))
            {
                validation.Errors.Duplicate(nameNode, name);
            }
            names.Add(name);
        }
    }

    /// <summary>IsValidSysctlName.</summary>
    internal static bool IsValidSysctlName(string name) => NameRules.Length(name) <= SysctlMaxLength && SysctlRegex.IsMatch(name);

    /// <summary>validateSeccompProfileField (with validateSeccompProfileType).</summary>
    internal static void ValidateSeccompProfileField(SpecValidation validation, SpecNode profile)
    {
        if (!profile.Exists)
        {
            return;
        }
        var typeNode = profile["type"];
        var type = typeNode.StringOrEmpty;
        if (type.Length == 0)
        {
            if (!typeNode.Exists || typeNode.String is not null)
            {
                validation.Errors.Required(typeNode, "type is required when seccompProfile is set");
            }
        }
        else if (Array.IndexOf(SeccompProfileTypes, type) < 0)
        {
            validation.Errors.NotSupported(typeNode, type, SeccompProfileTypes);
        }
        var localhostProfile = profile["localhostProfile"];
        if (type == "Localhost")
        {
            if (!localhostProfile.Exists)
            {
                validation.Errors.Required(localhostProfile, "must be set when seccomp type is Localhost");
            }
            else if (localhostProfile.String is { } path)
            {
                ContainerValidation.ValidateLocalDescendingPath(validation, localhostProfile, path);
            }
        }
        else if (localhostProfile.Exists)
        {
            validation.Errors.InvalidObject(localhostProfile, "can only be set when seccomp type is Localhost");
        }
    }

    /// <summary>validateWindowsSecurityContextOptions.</summary>
    internal static void ValidateWindowsSecurityContextOptions(SpecValidation validation, SpecNode options)
    {
        if (!options.Exists)
        {
            return;
        }
        var errors = validation.Errors;
        var specName = options["gmsaCredentialSpecName"];
        if (specName.String is { } name)
        {
            errors.InvalidEach(specName, name, NameRules.IsDns1123Subdomain(name));
        }
        var spec = options["gmsaCredentialSpec"];
        if (spec.String is { } credentialSpec)
        {
            var length = NameRules.Length(credentialSpec);
            if (length == 0)
            {
                errors.Invalid(spec, credentialSpec, "gmsaCredentialSpec cannot be an empty string");
            }
            else if (length > MaxGmsaCredentialSpecLength)
            {
                errors.Invalid(spec, "(the credential spec)", $"gmsaCredentialSpec size must be under {MaxGmsaCredentialSpecLengthInKiB} KiB");
            }
        }
        var userNameNode = options["runAsUserName"];
        if (userNameNode.String is not { } userName)
        {
            return;
        }
        if (userName.Length == 0)
        {
            errors.Invalid(userNameNode, userName, "runAsUserName cannot be an empty string");
            return;
        }
        if (CtrlRegex.IsMatch(userName))
        {
            errors.Invalid(userNameNode, userName, "runAsUserName cannot contain control characters");
            return;
        }
        var parts = userName.Split('\\');
        if (parts.Length > 2)
        {
            errors.Invalid(userNameNode, userName, "runAsUserName cannot contain more than one backslash");
            return;
        }
        var hasDomain = parts.Length == 2;
        var domain = hasDomain ? parts[0] : "";
        var user = hasDomain ? parts[1] : parts[0];
        if (NameRules.Length(domain) >= MaxRunAsUserNameDomainLength)
        {
            errors.Invalid(userNameNode, userName, $"runAsUserName's Domain length must be under {MaxRunAsUserNameDomainLength} characters");
        }
        if (hasDomain && !(ValidNetBiosRegex.IsMatch(domain) || ValidWindowsUserDomainDnsRegex.IsMatch(domain)))
        {
            errors.Invalid(userNameNode, userName, "runAsUserName's Domain doesn't match the NetBios nor the DNS format");
        }
        var userLength = NameRules.Length(user);
        if (userLength == 0)
        {
            errors.Invalid(userNameNode, userName, "runAsUserName's User cannot be empty");
        }
        else if (userLength > MaxRunAsUserNameUserLength)
        {
            errors.Invalid(userNameNode, userName, $"runAsUserName's User length must not be longer than {MaxRunAsUserNameUserLength} characters");
        }
        if (InvalidUserNameDotsSpacesRegex.IsMatch(user))
        {
            errors.Invalid(userNameNode, userName, "runAsUserName's User cannot contain only periods or spaces");
        }
        if (InvalidUserNameCharsRegex.IsMatch(user))
        {
            errors.Invalid(userNameNode, userName, "runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]");
        }
    }
}
