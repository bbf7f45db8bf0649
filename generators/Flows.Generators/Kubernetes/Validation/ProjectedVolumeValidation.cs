using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>validateProjectedVolumeSource and validateProjectionSources of pkg/apis/core/validation (1.20).</summary>
/// <remarks>
/// Not checked at build time, and why: a serviceAccountToken's audience is not validated by the 1.20 server (any
/// string); whether the API server issues tokens for it (the TokenRequest API's configuration) is cluster state.
/// </remarks>
internal static class ProjectedVolumeValidation
{
    /// <summary>validateProjectedVolumeSource (defaultMode defaults to 0644).</summary>
    public static void ValidateProjectedVolumeSource(SpecValidation validation, SpecNode projected)
    {
        VolumeValidation.ValidateFileMode(validation, projected["defaultMode"]);
        ValidateProjectionSources(validation, projected);
    }

    /// <summary>validateProjectionSources: one kind per source, and no path twice across all sources.</summary>
    private static void ValidateProjectionSources(SpecValidation validation, SpecNode projected)
    {
        var errors = validation.Errors;
        var allPaths = new HashSet<string>(StringComparer.Ordinal);

        void Conflict(SpecNode at, string? value)
        {
            // The server reports it on the projected volume itself; here at the path that repeats.
            errors.Invalid(VolumeValidation.Renamed(at, projected.Path), value, "conflicting duplicate paths");
        }

        foreach (var source in projected["sources"].Items)
        {
            var numSources = 0;
            var secret = source["secret"];
            if (secret.IsObject)
            {
                numSources++;
                ValidateKeyToPaths(validation, secret, allPaths, Conflict);
            }
            var configMap = source["configMap"];
            if (configMap.IsObject)
            {
                numSources++;
                ValidateKeyToPaths(validation, configMap, allPaths, Conflict);
            }
            var downwardAPI = source["downwardAPI"];
            if (downwardAPI.IsObject)
            {
                numSources++;
                foreach (var file in downwardAPI["items"].Items)
                {
                    VolumeValidation.ValidateDownwardAPIVolumeFile(validation, file, downwardAPI.Path);
                    var path = file["path"].StringOrEmpty;
                    if (path.Length > 0 && !allPaths.Add(path))
                    {
                        Conflict(file["path"], path);
                    }
                }
            }
            var token = source["serviceAccountToken"];
            if (token.IsObject)
            {
                numSources++;
                // SetDefaults_ServiceAccountTokenProjection: expirationSeconds defaults to 3600.
                var expiration = token["expirationSeconds"];
                if (expiration.Integer is { } seconds)
                {
                    if (seconds < 10 * 60)
                    {
                        errors.Invalid(expiration, seconds, "may not specify a duration less than 10 minutes");
                    }
                    if (seconds > 1L << 32)
                    {
                        errors.Invalid(expiration, seconds, "may not specify a duration larger than 2^32 seconds");
                    }
                }
                if (token["path"].StringOrEmpty.Length == 0)
                {
                    // The server's path is the projected volume's "path".
                    errors.Required(VolumeValidation.Renamed(token["path"], projected.Path.Child("path")), "the file the token is written to");
                }
            }
            if (numSources > 1)
            {
                errors.Forbidden(source, "may not specify more than 1 volume type");
            }
        }
    }

    /// <summary>A secret or configMap projection: its name, and each item (validateKeyToPath), each path once.</summary>
    private static void ValidateKeyToPaths(SpecValidation validation, SpecNode projection, HashSet<string> allPaths, Action<SpecNode, string?> conflict)
    {
        var name = projection["name"];
        if (name.StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(name);
        }
        foreach (var item in projection["items"].Items)
        {
            VolumeValidation.ValidateKeyToPath(validation, item);
            var path = item["path"].StringOrEmpty;
            if (path.Length > 0 && !allPaths.Add(path))
            {
                // The server's value is the Secret's or ConfigMap's name.
                conflict(item["path"], name.StringOrEmpty);
            }
        }
    }
}
