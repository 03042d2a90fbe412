namespace PciZone.Estate;

/// <summary>
/// A reference from one resource to another. Readers resolve references to the target's estate
/// address where the input shows the link (a Terraform expression reference, a CloudFormation
/// Ref/GetAtt) even when the target's id is unknown until apply; otherwise the literal id, name or ARN
/// is kept.
/// </summary>
/// <param name="Address">Estate address of the target when the reader resolved the link.</param>
/// <param name="Literal">The literal id, name or ARN written in the input, when there is one.</param>
public sealed record ResourceRef(string? Address, string? Literal)
{
    /// <summary>A link to a resource in the estate.</summary>
    public static ResourceRef To(string address) => new(address, null);

    /// <summary>A literal id, name or ARN outside (or not linked inside) the estate.</summary>
    public static ResourceRef Id(string literal) => new(null, literal);

    /// <inheritdoc />
    public override string ToString() => Address ?? Literal ?? "(none)";
}
