using PciZone.Estate;

namespace PciZone.Rules.Aws.IAM;

/// <summary>Group memberships seen from both sides (the user's list and the group's list), built once per estate.</summary>
internal static class IamMemberships
{
    /// <summary>Known group links of a user, and whether a link from some group's side might name it.</summary>
    public static (int Known, bool MaybeMore) OfUser(AwsEstate estate, IamUser user)
    {
        var index = Index(estate);
        return (index.UserLinks.GetValueOrDefault(user), index.UnknownMembers.Count > 0);
    }

    /// <summary>Known member links of a group, and whether a link from some user's side might name it.</summary>
    public static (int Known, bool MaybeMore) OfGroup(AwsEstate estate, IamGroup group)
    {
        var index = Index(estate);
        return (index.GroupLinks.GetValueOrDefault(group), index.UnknownGroups.Count > 0);
    }

    private static Links Index(AwsEstate estate) => estate.Memo("iam-group-memberships", Build);

    private static Links Build(AwsEstate estate)
    {
        var users = new Dictionary<IamUser, int>(ReferenceEqualityComparer.Instance);
        var groups = new Dictionary<IamGroup, int>(ReferenceEqualityComparer.Instance);
        var unknownMembers = new List<Provenance>();
        var unknownGroups = new List<Provenance>();
        foreach (var user in estate.OfType<IamUser>())
        {
            foreach (var g in user.Groups)
            {
                // The user is in a group even when the group is unknown; the group side then is not.
                users[user] = users.GetValueOrDefault(user) + 1;
                if (Resolve<IamGroup>(estate, g, "iam-group-by-name", x => x.Name.GetOrDefault()) is { } group)
                {
                    groups[group] = groups.GetValueOrDefault(group) + 1;
                }
                else if (g.IsUnknown || g.Get()?.Address is not null)
                {
                    unknownGroups.Add(g.Source);
                }
            }
        }

        foreach (var group in estate.OfType<IamGroup>())
        {
            foreach (var m in group.Members)
            {
                groups[group] = groups.GetValueOrDefault(group) + 1;
                if (Resolve<IamUser>(estate, m, "iam-user-by-name", x => x.Name.GetOrDefault()) is { } user)
                {
                    users[user] = users.GetValueOrDefault(user) + 1;
                }
                else if (m.IsUnknown || m.Get()?.Address is not null)
                {
                    unknownMembers.Add(m.Source);
                }
            }
        }

        return new Links(users, groups, unknownMembers, unknownGroups);
    }

    private static T? Resolve<T>(AwsEstate estate, Value<ResourceRef?> reference, string indexKey, Func<T, string?> name)
        where T : Resource =>
        reference.TryGet(out var r) ? EstateIndex.Resolve(estate, r, indexKey, name) : null;

    private sealed record Links(
        Dictionary<IamUser, int> UserLinks,
        Dictionary<IamGroup, int> GroupLinks,
        List<Provenance> UnknownMembers,
        List<Provenance> UnknownGroups);
}
