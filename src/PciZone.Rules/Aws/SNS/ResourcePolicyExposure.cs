using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.SNS;

/// <summary>Whether a topic or queue policy opens the resource to anyone, and whether it refuses plain HTTP.</summary>
internal static class ResourcePolicyExposure
{
    /// <summary>Fail naming the public statements, Pass when none (or no policy), Unknown when the policy is.</summary>
    public static Outcome Assess(Value<PolicyDocument?> policy, string resource)
    {
        if (policy.IsUnknown)
        {
            return Outcome.Unknown($"The {resource} policy is unknown: {policy.UnknownReason}.", policy.Source);
        }

        if (policy.Get() is not { } document)
        {
            return Outcome.Pass($"No {resource} policy beyond the AWS default, which admits the owner account only.");
        }

        var open = S3PolicyFacts.PublicAllows(document);
        return open.Count == 0
            ? Outcome.Pass($"The {resource} policy grants nothing to an unrestricted wildcard principal.")
            : Outcome.Fail($"The {resource} policy allows {string.Join(", ", open.SelectMany(s => s.Actions).Distinct().DefaultIfEmpty("actions"))} to any principal (\"*\") without a condition that limits it to an account, organisation, source or network.", policy.Source);
    }

    /// <summary>
    /// Pass when a Deny on <c>aws:SecureTransport</c> false covers every principal and every action of
    /// the service (<paramref name="serviceWildcard"/>, e.g. <c>sqs:*</c>); Fail otherwise.
    /// </summary>
    public static Outcome DeniesInsecureTransport(Value<PolicyDocument?> policy, string resource, string serviceWildcard)
    {
        if (policy.IsUnknown)
        {
            return Outcome.Unknown($"The {resource} policy is unknown: {policy.UnknownReason}.", policy.Source);
        }

        if (policy.Get() is not { } document)
        {
            return Outcome.Fail($"No {resource} policy, so nothing refuses requests over plain HTTP.", policy.Source);
        }

        var tlsDenies = document.Denies.Where(s => s.ConditionsOn("aws:SecureTransport").Any(c =>
            c.Operator is "Bool" or "BoolIfExists" && c.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)))).ToList();
        if (tlsDenies.Count == 0)
        {
            return Outcome.Fail($"The {resource} policy has no Deny for requests with aws:SecureTransport false.", policy.Source);
        }

        return tlsDenies.Any(s => s.HasWildcardPrincipal && s.Actions.Any(a => a == "*" || string.Equals(a, serviceWildcard, StringComparison.OrdinalIgnoreCase)))
            ? Outcome.Pass($"The {resource} policy denies every request made without TLS.")
            : Outcome.Fail($"The aws:SecureTransport deny of the {resource} policy does not cover every principal (\"*\") and every action ({serviceWildcard}).", policy.Source);
    }
}
