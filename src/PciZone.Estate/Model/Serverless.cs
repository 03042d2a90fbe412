namespace PciZone.Estate;

/// <summary>A Lambda function.</summary>
public sealed record LambdaFunction : Resource
{
    /// <summary>Function name.</summary>
    public Value<string?> FunctionName { get; init; }

    /// <summary><c>Zip</c> (the default) or <c>Image</c>.</summary>
    public Value<string> PackageType { get; init; }

    /// <summary>Runtime identifier (<c>python3.13</c>); null for container images.</summary>
    public Value<string?> Runtime { get; init; }

    /// <summary>Subnets of the VPC configuration; empty when the function is not attached to a VPC.</summary>
    public Value<IReadOnlyList<ResourceRef>> VpcSubnets { get; init; }

    /// <summary>Security groups of the VPC configuration.</summary>
    public Value<IReadOnlyList<ResourceRef>> VpcSecurityGroups { get; init; }

    /// <summary>Environment variables.</summary>
    public Value<IReadOnlyList<EnvironmentVariable>> Environment { get; init; }

    /// <summary>Customer-managed KMS key for environment variables; null means the AWS-managed key.</summary>
    public Value<ResourceRef?> KmsKey { get; init; }

    /// <summary>Code signing configuration; null when none.</summary>
    public Value<ResourceRef?> CodeSigningConfig { get; init; }
}

/// <summary>One statement of a function's resource policy (<c>aws_lambda_permission</c>, <c>AWS::Lambda::Permission</c>).</summary>
public sealed record LambdaPermission : Resource
{
    /// <summary>Function the permission is on.</summary>
    public Value<ResourceRef?> Function { get; init; }

    /// <summary>Action (<c>lambda:InvokeFunction</c>, <c>lambda:InvokeFunctionUrl</c>).</summary>
    public Value<string?> Action { get; init; }

    /// <summary>Principal: <c>*</c>, an account id or ARN, or a service principal.</summary>
    public Value<string?> Principal { get; init; }

    /// <summary>Source ARN condition (a link when it names a resource of the estate); null when none.</summary>
    public Value<ResourceRef?> SourceArn { get; init; }

    /// <summary>Source account condition; null when none.</summary>
    public Value<string?> SourceAccount { get; init; }

    /// <summary>Organization condition (<c>aws:PrincipalOrgID</c>); null when none.</summary>
    public Value<string?> PrincipalOrgId { get; init; }

    /// <summary>Function URL auth type the permission is limited to; null when none.</summary>
    public Value<string?> FunctionUrlAuthType { get; init; }

    /// <summary>True when the principal is an AWS service (<c>*.amazonaws.com</c>).</summary>
    public Value<bool> IsServicePrincipal => Principal.Map(p => p is not null && p.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A Lambda function URL.</summary>
public sealed record LambdaFunctionUrl : Resource
{
    /// <summary>Function the URL invokes.</summary>
    public Value<ResourceRef?> Function { get; init; }

    /// <summary><c>AWS_IAM</c> or <c>NONE</c>.</summary>
    public Value<string?> AuthType { get; init; }
}

/// <summary>A Lambda code signing configuration.</summary>
public sealed record LambdaCodeSigningConfig : Resource
{
    /// <summary>What Lambda does with an artifact whose signature fails: <c>Warn</c> (the default) or <c>Enforce</c>.</summary>
    public Value<string> UntrustedArtifactOnDeployment { get; init; }
}
