using PciZone.Estate;
using PciZone.Rules.Aws.S3;

namespace PciZone.Rules.Aws.ECR;

internal sealed class EcrRepositoryPolicyNotPublic : ResourceRule<EcrRepository>
{
    protected override Outcome Check(EcrRepository repository, RuleContext context)
    {
        if (repository.Policy.IsUnknown)
        {
            return Outcome.Unknown($"The repository policy is unknown: {repository.Policy.UnknownReason}.", repository.Policy.Source);
        }

        if (repository.Policy.Get() is not { } policy)
        {
            return Outcome.Pass("The repository has no policy: only the account's own principals have access.");
        }

        // The wildcard-principal test of bucket policies applies to any resource policy.
        var open = S3PolicyFacts.PublicAllows(policy);
        return open.Count > 0
            ? Outcome.Fail($"The repository policy allows {string.Join(", ", open.SelectMany(s => s.Actions).Distinct().DefaultIfEmpty("actions"))} to any principal without a restricting condition.", repository.Policy.Source)
            : Outcome.Pass("The repository policy grants nothing to the public.");
    }
}
