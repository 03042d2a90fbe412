using System.Text;
using PciZone.Estate;
using PciZone.Ingest.CloudFormation;

namespace PciZone.Ingest.Tests.CloudFormation;

/// <summary>A bucket as the test mappers build it; the real estate types belong to the service engineers.</summary>
internal sealed record TestBucket : Resource
{
    public Value<string?> Name { get; init; }

    public Value<string?> Versioning { get; init; }

    public IReadOnlyList<PolicyStatement> PolicyStatements { get; init; } = [];
}

internal static class CfnTestKit
{
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "cloudformation", name);

    public static CfnNode Parse(string text) => CloudFormationReader.Parse(Encoding.UTF8.GetBytes(text));

    public static FileReadResult Read(string text, MapperRegistry? registry = null, string file = "t.yaml", string prefix = "") =>
        CloudFormationReader.Read(file, Encoding.UTF8.GetBytes(text), prefix, registry ?? new MapperRegistry());

    public static IResourceView View(string text, string logicalId, string prefix = "")
    {
        var template = Template.From(Parse(text));
        var r = template.Resources.Single(x => x.LogicalId == logicalId);
        return new CfnResourceView(new Evaluator(template), prefix, prefix + logicalId, r.Type,
            new Provenance("t.yaml", r.Line, prefix + logicalId), r.Properties);
    }

    /// <summary>Buckets (primary) and bucket policies (companion) joined by the policy's Bucket reference.</summary>
    public static MapperRegistry BucketRegistry()
    {
        var registry = new MapperRegistry();
        registry.Primary("AWS::S3::Bucket", (view, estate) => estate.Add(new TestBucket
        {
            Address = view.Address,
            SourceType = view.Type,
            Provenance = view.Provenance,
            Tags = view.Tags("Tags"),
            Name = view.String("BucketName"),
            Versioning = view.String("VersioningConfiguration.Status", "Disabled"),
        }));
        registry.Companion("AWS::S3::BucketPolicy", (view, estate) => estate.Join<TestBucket>(
            view,
            view.Ref("Bucket"),
            b => b with { PolicyStatements = view.Policy("PolicyDocument").GetOrDefault()?.Statements ?? [] },
            b => b.Name.GetOrDefault()));
        return registry;
    }

    /// <summary>A node as compact JSON-like text, to compare trees parsed from different sources.</summary>
    public static string Canonical(CfnNode node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, CfnNode node)
    {
        switch (node.Kind)
        {
            case CfnNodeKind.Null:
                sb.Append("null");
                break;
            case CfnNodeKind.Scalar:
                sb.Append('"').Append(node.Text).Append('"');
                break;
            case CfnNodeKind.Sequence:
                sb.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    sb.Append(i > 0 ? "," : "");
                    Write(sb, node.Items[i]);
                }

                sb.Append(']');
                break;
            default:
                sb.Append('{');
                for (var i = 0; i < node.Entries.Count; i++)
                {
                    sb.Append(i > 0 ? "," : "").Append('"').Append(node.Entries[i].Key).Append("\":");
                    Write(sb, node.Entries[i].Value);
                }

                sb.Append('}');
                break;
        }
    }
}
