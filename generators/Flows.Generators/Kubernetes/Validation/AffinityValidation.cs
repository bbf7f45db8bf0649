namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// validateAffinity and what it calls in pkg/apis/core/validation (1.20): node affinity (ValidateNodeSelector,
/// ValidateNodeSelectorTerm, ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement,
/// ValidatePreferredSchedulingTerms), pod affinity and anti-affinity (validatePodAffinityTerm(s),
/// validateWeightedPodAffinityTerms) and their label selectors (meta/v1 ValidateLabelSelector).
/// </summary>
/// <remarks>
/// Not checked at build time, and why: nothing; requiredDuringSchedulingRequiredDuringExecution is not in the 1.20
/// API (the schema check reports it as an unknown field). The server's paths are kept with their quirks: a pod
/// affinity term's label selector is reported under <c>...matchExpressions</c> (the Go code passes that path for the
/// whole selector), its namespaces at <c>...namespace</c>.
/// </remarks>
internal static class AffinityValidation
{
    /// <summary>validateAffinity.</summary>
    public static void ValidateAffinity(SpecValidation validation, SpecNode affinity)
    {
        if (!affinity.Exists)
        {
            return;
        }
        if (affinity["nodeAffinity"].Exists)
        {
            ValidateNodeAffinity(validation, affinity["nodeAffinity"]);
        }
        if (affinity["podAffinity"].Exists)
        {
            ValidatePodAffinity(validation, affinity["podAffinity"]);
        }
        if (affinity["podAntiAffinity"].Exists)
        {
            // validatePodAntiAffinity has the same two lists as validatePodAffinity.
            ValidatePodAffinity(validation, affinity["podAntiAffinity"]);
        }
    }

    /// <summary>validateNodeAffinity.</summary>
    private static void ValidateNodeAffinity(SpecValidation validation, SpecNode nodeAffinity)
    {
        var required = nodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"];
        if (required.Exists)
        {
            ValidateNodeSelector(validation, required);
        }
        var preferred = nodeAffinity["preferredDuringSchedulingIgnoredDuringExecution"];
        if (preferred.Items.Count > 0)
        {
            ValidatePreferredSchedulingTerms(validation, preferred);
        }
    }

    /// <summary>ValidateNodeSelector: at least one term, each valid.</summary>
    public static void ValidateNodeSelector(SpecValidation validation, SpecNode nodeSelector)
    {
        var terms = nodeSelector["nodeSelectorTerms"];
        if (terms.Items.Count == 0)
        {
            validation.Errors.Required(terms, "must have at least one node selector term");
            return;
        }
        foreach (var term in terms.Items)
        {
            ValidateNodeSelectorTerm(validation, term);
        }
    }

    /// <summary>ValidateNodeSelectorTerm.</summary>
    public static void ValidateNodeSelectorTerm(SpecValidation validation, SpecNode term)
    {
        foreach (var requirement in term["matchExpressions"].Items)
        {
            ValidateNodeSelectorRequirement(validation, requirement);
        }
        foreach (var requirement in term["matchFields"].Items)
        {
            ValidateNodeFieldSelectorRequirement(validation, requirement);
        }
    }

    /// <summary>ValidateNodeSelectorRequirement.</summary>
    public static void ValidateNodeSelectorRequirement(SpecValidation validation, SpecNode requirement)
    {
        var op = requirement["operator"];
        var values = requirement["values"];
        switch (op.StringOrEmpty)
        {
            case "In":
            case "NotIn":
                if (values.Items.Count == 0)
                {
                    validation.Errors.Required(values, "must be specified when `operator` is 'In' or 'NotIn'");
                }
                break;
            case "Exists":
            case "DoesNotExist":
                if (values.Items.Count > 0)
                {
                    validation.Errors.Forbidden(values, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
                break;
            case "Gt":
            case "Lt":
                if (values.Items.Count != 1)
                {
                    validation.Errors.Required(values, "must be specified single value when `operator` is 'Lt' or 'Gt'");
                }
                break;
            default:
                validation.Errors.Invalid(op, op.StringOrEmpty, "not a valid selector operator");
                break;
        }
        ValidateLabelName(validation, requirement["key"]);
    }

    /// <summary>ValidateNodeFieldSelectorRequirement: only metadata.name, with In or NotIn and one value, a node name.</summary>
    public static void ValidateNodeFieldSelectorRequirement(SpecValidation validation, SpecNode requirement)
    {
        var op = requirement["operator"];
        var values = requirement["values"];
        switch (op.StringOrEmpty)
        {
            case "In":
            case "NotIn":
                if (values.Items.Count != 1)
                {
                    validation.Errors.Required(values, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
                }
                break;
            default:
                validation.Errors.Invalid(op, op.StringOrEmpty, "not a valid selector operator");
                break;
        }
        var key = requirement["key"];
        if (key.StringOrEmpty != "metadata.name")
        {
            validation.Errors.Invalid(key, key.StringOrEmpty, "not a valid field selector key");
        }
        else
        {
            foreach (var value in values.Items)
            {
                // ValidateNodeName is NameIsDNSSubdomain.
                validation.Errors.InvalidEach(value, value.StringOrEmpty, NameRules.IsDns1123Subdomain(value.StringOrEmpty));
            }
        }
    }

    /// <summary>ValidatePreferredSchedulingTerms: weights 1–100, each preference a node selector term.</summary>
    public static void ValidatePreferredSchedulingTerms(SpecValidation validation, SpecNode terms)
    {
        foreach (var term in terms.Items)
        {
            ValidateWeight(validation, term["weight"]);
            ValidateNodeSelectorTerm(validation, term["preference"]);
        }
    }

    /// <summary>validatePodAffinity (and validatePodAntiAffinity, which is the same).</summary>
    private static void ValidatePodAffinity(SpecValidation validation, SpecNode podAffinity)
    {
        foreach (var term in podAffinity["requiredDuringSchedulingIgnoredDuringExecution"].Items)
        {
            ValidatePodAffinityTerm(validation, term);
        }
        // validateWeightedPodAffinityTerms
        foreach (var weighted in podAffinity["preferredDuringSchedulingIgnoredDuringExecution"].Items)
        {
            ValidateWeight(validation, weighted["weight"]);
            ValidatePodAffinityTerm(validation, weighted["podAffinityTerm"]);
        }
    }

    /// <summary>validatePodAffinityTerm: its label selector, namespaces (DNS labels) and topologyKey (required, a qualified name).</summary>
    private static void ValidatePodAffinityTerm(SpecValidation validation, SpecNode term)
    {
        ValidateLabelSelector(validation, term["labelSelector"], term.Path.Child("matchExpressions"));
        var namespacePath = term.Path.Child("namespace");
        foreach (var ns in term["namespaces"].Items)
        {
            var name = ns.StringOrEmpty;
            validation.Errors.InvalidEach(PodValidation.At(ns, namespacePath), name, NameRules.IsDns1123Label(name));
        }
        var topologyKey = term["topologyKey"];
        if (topologyKey.StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(topologyKey, "can not be empty");
        }
        ValidateLabelName(validation, topologyKey);
    }

    /// <summary>The weight of a preferred term: "must be in the range 1-100" (an absent weight is 0).</summary>
    private static void ValidateWeight(SpecValidation validation, SpecNode weight)
    {
        var value = weight.Integer ?? 0;
        if (value <= 0 || value > 100)
        {
            validation.Errors.Invalid(weight, value, "must be in the range 1-100");
        }
    }

    /// <summary>ValidateLabelName (meta/v1): a qualified name.</summary>
    private static void ValidateLabelName(SpecValidation validation, SpecNode field) =>
        validation.Errors.InvalidEach(field, field.StringOrEmpty, NameRules.IsQualifiedName(field.StringOrEmpty));

    /// <summary>ValidateLabelSelector (meta/v1) with the path the caller passes (<paramref name="path"/> instead of the selector's own).</summary>
    private static void ValidateLabelSelector(SpecValidation validation, SpecNode selector, FieldPath path)
    {
        if (!selector.Exists)
        {
            return;
        }
        var matchLabels = selector["matchLabels"];
        ObjectMetaValidation.ValidateLabels(validation, PodValidation.At(matchLabels, path.Child("matchLabels")));
        var expressionsPath = path.Child("matchExpressions");
        var index = 0;
        foreach (var requirement in selector["matchExpressions"].Items)
        {
            ObjectMetaValidation.ValidateLabelSelectorRequirement(validation, PodValidation.At(requirement, expressionsPath.Index(index++)));
        }
    }
}
