using System.Text.Encodings.Web;
using System.Text.Json;
using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation.Mappers;

/// <summary>The organisation, its OUs and accounts, and its policies with their TargetIds.</summary>
internal sealed class OrganizationsCloudFormationMappers : ICloudFormationMappers
{
    private static readonly JsonWriterOptions Minified = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Register(MapperRegistry registry)
    {
        registry.Primary("AWS::Organizations::Organization", Organization);
        registry.Primary("AWS::Organizations::OrganizationalUnit", Unit);
        registry.Primary("AWS::Organizations::Account", Account);
        registry.Primary("AWS::Organizations::Policy", Policy);
    }

    private static void Organization(IResourceView r, IEstateBuilder estate) => estate.Add(new Organization
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        FeatureSet = r.String("FeatureSet", "ALL"),
    });

    private static void Unit(IResourceView r, IEstateBuilder estate) => estate.Add(new OrganizationalUnit
    {
        Address = r.Address,
        SourceType = r.Type,
        Provenance = r.Provenance,
        Tags = r.Tags("Tags"),
        Name = r.String("Name"),
        Parent = r.Ref("ParentId"),
    });

    // ParentIds holds at most one id; without it the account is created in the root.
    private static void Account(IResourceView r, IEstateBuilder estate)
    {
        var parents = r.Refs("ParentIds");
        estate.Add(new OrganizationAccount
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("Tags"),
            Name = r.String("AccountName"),
            Parent = parents.IsUnknown
                ? Value.Unknown<ResourceRef?>(parents.UnknownReason!, parents.Source)
                : parents.Get() is [var first, ..] ? Value.Of<ResourceRef?>(first, parents.Source) : Value.Default<ResourceRef?>(null, r.Provenance),
        });
    }

    private static void Policy(IResourceView r, IEstateBuilder estate)
    {
        var document = r.Policy("Content");
        estate.Add(new OrganizationPolicy
        {
            Address = r.Address,
            SourceType = r.Type,
            Provenance = r.Provenance,
            Tags = r.Tags("Tags"),
            Name = r.String("Name"),
            PolicyType = r.String("Type"),
            Document = document,
            ContentLength = ContentLength(r, document),
            Targets = r.Has("TargetIds") ? IdentityJoins.RefList(r, "TargetIds") : [],
        });
    }

    // Content is a JSON string or an object that CloudFormation sends minified; the object's length
    // is that of the parsed document written back minified (key order does not change it).
    private static Value<int> ContentLength(IResourceView r, Value<PolicyDocument?> document)
    {
        var text = r.String("Content");
        if (text.IsKnown)
        {
            return text.Map(t => t?.Length ?? 0);
        }

        return document.Map(d => d is null ? 0 : MinifiedLength(d));
    }

    private static int MinifiedLength(PolicyDocument document)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Minified))
        {
            w.WriteStartObject();
            w.WriteString("Version", "2012-10-17");
            w.WriteStartArray("Statement");
            foreach (var s in document.Statements)
            {
                WriteStatement(w, s);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetCharCount(stream.ToArray());
    }

    private static void WriteStatement(Utf8JsonWriter w, PolicyStatement s)
    {
        w.WriteStartObject();
        if (s.Sid is not null)
        {
            w.WriteString("Sid", s.Sid);
        }

        w.WriteString("Effect", s.Effect.ToString());
        List("Action", s.Actions);
        List("NotAction", s.NotActions);
        List("Resource", s.Resources);
        List("NotResource", s.NotResources);
        if (s.Conditions.Count > 0)
        {
            w.WriteStartObject("Condition");
            foreach (var op in s.Conditions.GroupBy(c => c.Operator, StringComparer.Ordinal))
            {
                w.WriteStartObject(op.Key);
                foreach (var c in op)
                {
                    List(c.Key, c.Values);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();

        void List(string name, IReadOnlyList<string> values)
        {
            if (values.Count == 1)
            {
                w.WriteString(name, values[0]);
            }
            else if (values.Count > 1)
            {
                w.WriteStartArray(name);
                foreach (var v in values)
                {
                    w.WriteStringValue(v);
                }

                w.WriteEndArray();
            }
        }
    }
}
