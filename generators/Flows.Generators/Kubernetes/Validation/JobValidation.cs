using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// ValidateJob of pkg/apis/batch/validation (1.20), after what the Job strategy does on create: without
/// <c>manualSelector: true</c> the server generates the selector and adds the <c>controller-uid</c> and
/// <c>job-name</c> labels to the template, so a selector or either label written in the spec is rejected.
/// </summary>
internal static class JobValidation
{
    private static readonly string[] JobRestartPolicies = { "OnFailure", "Never" };

    public static void ValidateJob(SpecValidation validation, SpecNode job)
    {
        var metadata = job["metadata"];
        ObjectMetaValidation.ValidateObjectMeta(validation, metadata, requiresNamespace: true, ObjectMetaValidation.NameIsDnsSubdomain);
        var spec = job["spec"];
        var manual = spec["manualSelector"].Boolean == true;
        var template = spec["template"];
        var templateLabels = template["metadata"]["labels"];
        if (!manual)
        {
            ValidateGeneratedSelector(validation, spec, templateLabels);
        }
        ValidateJobSpec(validation, spec, manual);
    }

    /// <summary>ValidateGeneratedSelector: the labels Flows cannot know (the Job's uid, its per-run name) must be left to the server.</summary>
    private static void ValidateGeneratedSelector(SpecValidation validation, SpecNode spec, SpecNode templateLabels)
    {
        foreach (var key in new[] { "controller-uid", "job-name" })
        {
            var label = templateLabels[key];
            if (label.Node is not null)
            {
                validation.Errors.InvalidObject(new SpecNode(label.Node, spec.Path.Child("template").Child("metadata").Child("labels").Key(key), templateLabels.Location),
                    key == "controller-uid"
                        ? "must be the Job's uid, which the API server sets: remove the label (the server adds it)"
                        : "must be the Job's name, which Flows sets for every run: remove the label (the server adds it)");
            }
        }
        var selector = spec["selector"];
        if (!selector.Exists)
        {
            return;
        }
        // The server adds controller-uid=<uid> to the selector; it must then select the generated labels, whose values
        // (the uid, the per-run name) the spec cannot know: any matchLabels entry fails, and so may an expression.
        var generated = new Dictionary<string, string?> { ["controller-uid"] = null, ["job-name"] = null };
        if (ObjectMetaValidation.IsConvertible(selector) && !ObjectMetaValidation.Matches(selector, generated))
        {
            validation.Errors.InvalidObject(selector, "`selector` not auto-generated: remove spec.selector (the server generates it), or set spec.manualSelector: true");
            return;
        }
        var labels = TemplateLabels(templateLabels);
        labels["controller-uid"] = null;
        labels["job-name"] = null;
        if (ObjectMetaValidation.IsConvertible(selector) && !ObjectMetaValidation.Matches(selector, labels))
        {
            validation.Errors.InvalidObject(templateLabels, "`selector` does not match template `labels`");
        }
    }

    private static void ValidateJobSpec(SpecValidation validation, SpecNode spec, bool manual)
    {
        foreach (var field in new[] { "parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished" })
        {
            CommonRules.NonNegative(validation, spec[field]);
        }
        var template = spec["template"];
        PodValidation.ValidatePodTemplateSpec(validation, template);

        var restartPolicy = template["spec"]["restartPolicy"];
        var policy = restartPolicy.StringOrEmpty;
        if (policy is "Always" or "")
        {
            validation.Errors.Required(restartPolicy, "valid values: \"OnFailure\", \"Never\"", SpecRule.RestartPolicy);
        }
        else if (System.Array.IndexOf(JobRestartPolicies, policy) < 0)
        {
            validation.Errors.NotSupported(restartPolicy, policy, JobRestartPolicies, SpecRule.RestartPolicy);
        }

        if (manual)
        {
            var selector = spec["selector"];
            if (!selector.Exists)
            {
                validation.Errors.Required(selector, "set spec.selector with spec.manualSelector: true, or leave both out");
            }
            else
            {
                ObjectMetaValidation.ValidateLabelSelector(validation, selector);
                if (ObjectMetaValidation.IsConvertible(selector) && !ObjectMetaValidation.Matches(selector, TemplateLabels(template["metadata"]["labels"])))
                {
                    validation.Errors.InvalidObject(template["metadata"]["labels"], "`selector` does not match template `labels`");
                }
            }
        }
    }

    /// <summary>The template's labels as the server sees them: the spec's, and the run labels Flows adds (values known only at run time).</summary>
    private static Dictionary<string, string?> TemplateLabels(SpecNode labels)
    {
        var all = new Dictionary<string, string?>();
        foreach (var entry in labels.Entries)
        {
            all[entry.Key] = entry.Value.String ?? "";
        }
        all[global::Flows.Manifests.RunLabels.Identifier] = null;
        all[global::Flows.Manifests.RunLabels.FlowRunId] = null;
        return all;
    }
}
