using System.Text.RegularExpressions;

namespace PciZone.LandingZone.Spec;

/// <summary>
/// What a well-formed spec must also mean: real regions, unique emails, non-overlapping networks, CDE
/// accounts inside the CDE OU, values inside AWS's limits. Every problem is reported, each at its line.
/// </summary>
public static partial class SpecValidator
{
    /// <summary>Account keys the stages depend on.</summary>
    public static readonly IReadOnlyList<string> RequiredAccounts = ["management", "log-archive", "security-tooling", "network"];

    /// <summary>The permission sets the identity-center module defines.</summary>
    public static readonly IReadOnlyList<string> PermissionSets = ["administrator", "auditor", "cde-operator", "break-glass"];

    /// <summary>Returns every problem of <paramref name="spec"/>; empty when it is sound.</summary>
    public static IReadOnlyList<SpecError> Validate(ZoneSpec spec)
    {
        var errors = new List<SpecError>();
        void Error(SpecMark mark, string message) => errors.Add(new SpecError(spec.File, mark.Line, mark.Column, message));

        Organization(spec, Error);
        Accounts(spec, Error);
        Networks(spec, Error);
        Identity(spec, Error);
        Logging(spec, Error);
        Tags(spec.Tags, "tags", spec.Organization.Mark, Error);
        return errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
    }

    private static void Organization(ZoneSpec spec, Action<SpecMark, string> error)
    {
        var org = spec.Organization;
        if (!NamePattern().IsMatch(org.Name))
        {
            error(org.NameMark, $"organization.name '{org.Name}' must be 3-24 lowercase letters, digits or hyphens, starting with a letter (it prefixes bucket names)");
        }

        if (!AwsRegions.All.Contains(org.HomeRegion))
        {
            error(org.HomeRegionMark, $"unknown region '{org.HomeRegion}'");
        }

        for (var i = 0; i < org.AllowedRegions.Count; i++)
        {
            var mark = i < org.AllowedRegionMarks.Count ? org.AllowedRegionMarks[i] : org.Mark;
            if (!AwsRegions.All.Contains(org.AllowedRegions[i]))
            {
                error(mark, $"unknown region '{org.AllowedRegions[i]}'");
            }
            else if (org.AllowedRegions.Take(i).Contains(org.AllowedRegions[i]))
            {
                error(mark, $"region '{org.AllowedRegions[i]}' is listed twice");
            }
        }

        if (!org.AllowedRegions.Contains(org.HomeRegion))
        {
            error(org.HomeRegionMark, $"homeRegion '{org.HomeRegion}' must be one of allowedRegions");
        }
    }

    private static void Accounts(ZoneSpec spec, Action<SpecMark, string> error)
    {
        foreach (var required in RequiredAccounts.Where(r => spec.Account(r) is null))
        {
            error(spec.Organization.Mark, $"account '{required}' is required (the zone's stages run in it)");
        }

        var emails = new Dictionary<string, AccountSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in spec.Accounts)
        {
            if (!AccountKeyPattern().IsMatch(account.Key))
            {
                error(account.Mark, $"account key '{account.Key}' must be 2-32 lowercase letters, digits or hyphens");
            }

            if (account.Email.Length > 0 && !EmailPattern().IsMatch(account.Email))
            {
                error(account.EmailMark, $"'{account.Email}' is not an email address");
            }
            else if (account.Email.Length > 0 && !emails.TryAdd(account.Email, account))
            {
                error(account.EmailMark, $"email '{account.Email}' is already used by account '{emails[account.Email].Key}'; every AWS account needs its own");
            }

            if (account.Ou.Length > 0 && !Ous.All.Contains(account.Ou))
            {
                error(account.OuMark, $"unknown OU '{account.Ou}' (known: {string.Join(", ", Ous.All)})");
            }
            else if ((account.Key == "management") != (account.Ou == Ous.Root) && account.Ou.Length > 0)
            {
                error(account.OuMark, account.Key == "management"
                    ? "the management account stays in Root"
                    : $"only the management account sits in Root; put '{account.Key}' in an OU");
            }

            if (account.CardholderData && account.Ou != Ous.Cde)
            {
                error(account.OuMark, $"account '{account.Key}' holds cardholder data but sits in '{account.Ou}'; CDE accounts belong in '{Ous.Cde}' (PCI 1.2, 12.5.2)");
            }

            if (account.Vpcs.Count > 0 && RequiredAccounts.Contains(account.Key) && account.Key != "network")
            {
                error(account.Vpcs[0].Mark, $"account '{account.Key}' does not hold workload VPCs; put VPCs in workload accounts");
            }

            Tags(account.Tags, $"accounts.{account.Key}.tags", account.Mark, error);
        }
    }

    private static void Networks(ZoneSpec spec, Action<SpecMark, string> error)
    {
        var net = spec.Network;
        if (net.TransitGatewayAsn is not ((>= 64512 and <= 65534) or (>= 4200000000 and <= 4294967294)))
        {
            error(net.AsnMark, $"transitGatewayAsn {net.TransitGatewayAsn} must be a private ASN (64512-65534 or 4200000000-4294967294)");
        }

        if (net.AvailabilityZones is < 2 or > 4)
        {
            error(net.AzMark, "availabilityZones must be 2, 3 or 4 (two at least, for the ALB and resilience)");
        }

        if (net.SubnetNewbits is < 2 or > 12)
        {
            error(net.NewbitsMark, "subnetNewbits must be between 2 and 12");
        }

        var seen = new List<(Ipv4Cidr Cidr, string Owner)>();
        var perRegion = new HashSet<(string, string)>();
        foreach (var (account, vpc) in spec.Vpcs())
        {
            if (!spec.Organization.AllowedRegions.Contains(vpc.Region))
            {
                error(vpc.RegionMark == SpecMark.None ? vpc.Mark : vpc.RegionMark, $"VPC region '{vpc.Region}' of account '{account.Key}' is not in organization.allowedRegions");
            }

            if (!perRegion.Add((account.Key, vpc.Region)))
            {
                error(vpc.Mark, $"account '{account.Key}' has two VPCs in {vpc.Region}; the zone builds one VPC per account and region");
            }

            if (vpc.Cidr.Length == 0)
            {
                continue;
            }

            if (!Ipv4Cidr.TryParse(vpc.Cidr, out var cidr, out var problem))
            {
                error(vpc.CidrMark, problem);
                continue;
            }

            if (cidr.Prefix is < 16 or > 24)
            {
                error(vpc.CidrMark, $"VPC CIDR {vpc.Cidr} must have a prefix between /16 and /24 (AWS limits)");
            }
            else if (3 * net.AvailabilityZones > 1 << net.SubnetNewbits || cidr.Prefix + net.SubnetNewbits > 28)
            {
                error(vpc.CidrMark, $"VPC CIDR {vpc.Cidr} cannot hold 3 tiers x {net.AvailabilityZones} AZs of /{cidr.Prefix + net.SubnetNewbits} subnets (subnets are /28 at smallest)");
            }

            foreach (var (other, owner) in seen.Where(s => s.Cidr.Overlaps(cidr)))
            {
                error(vpc.CidrMark, $"VPC CIDR {vpc.Cidr} of account '{account.Key}' overlaps {other} of {owner}; the transit gateway cannot route overlapping networks");
            }

            seen.Add((cidr, $"account '{account.Key}' ({vpc.Region})"));
        }
    }

    private static void Identity(ZoneSpec spec, Action<SpecMark, string> error)
    {
        var identity = spec.Identity;
        if (identity.InstanceArn.Length > 0 && !InstanceArnPattern().IsMatch(identity.InstanceArn))
        {
            error(identity.InstanceMark, $"identity.instanceArn '{identity.InstanceArn}' is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-...)");
        }

        if (identity.IdentityStoreId.Length > 0 && !StoreIdPattern().IsMatch(identity.IdentityStoreId))
        {
            error(identity.StoreMark, $"identity.identityStoreId '{identity.IdentityStoreId}' is not an identity store id (d-xxxxxxxxxx)");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in identity.Groups)
        {
            if (group.Name.Length > 0 && !names.Add(group.Name))
            {
                error(group.Mark, $"group '{group.Name}' is defined twice");
            }

            if (group.PermissionSet.Length > 0 && !PermissionSets.Contains(group.PermissionSet))
            {
                error(group.PermissionSetMark, $"unknown permission set '{group.PermissionSet}' (known: {string.Join(", ", PermissionSets)})");
            }

            for (var i = 0; i < group.Accounts.Count; i++)
            {
                if (group.Accounts[i] != "*" && spec.Account(group.Accounts[i]) is null)
                {
                    error(group.AccountMarks[i], $"group '{group.Name}' names unknown account '{group.Accounts[i]}'");
                }
            }
        }
    }

    private static void Logging(ZoneSpec spec, Action<SpecMark, string> error)
    {
        var log = spec.Logging;
        if (log.RetentionDays < 365)
        {
            error(log.RetentionMark, $"logging.retentionDays {log.RetentionDays} is below 365: PCI 10.5.1 keeps audit logs for at least 12 months");
        }

        if (log.ImmediatelyAvailableDays < 90 || log.ImmediatelyAvailableDays > log.RetentionDays)
        {
            error(log.ImmediateMark, $"logging.immediatelyAvailableDays {log.ImmediatelyAvailableDays} must be at least 90 (PCI 10.5.1: three months at hand) and at most retentionDays");
        }

        if (log.ObjectLockMode is not ("COMPLIANCE" or "GOVERNANCE"))
        {
            error(log.LockModeMark, $"logging.objectLockMode '{log.ObjectLockMode}' must be COMPLIANCE or GOVERNANCE");
        }
    }

    private static void Tags(IReadOnlyList<KeyValuePair<string, string>> tags, string path, SpecMark mark, Action<SpecMark, string> error)
    {
        foreach (var (key, value) in tags)
        {
            if (key.Length > 128 || value.Length > 256 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                error(mark, $"{path}: tag '{key}' breaks AWS tag limits (key up to 128 characters, value up to 256, no 'aws:' prefix)");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,23}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,31}$")]
    private static partial Regex AccountKeyPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^arn:aws:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$")]
    private static partial Regex InstanceArnPattern();

    [GeneratedRegex("^d-[0-9a-f]{10}$")]
    private static partial Regex StoreIdPattern();
}
