namespace DockerLayerLsp.Analysis.Findings;

public enum FindingSeverity
{
    Error,
    Warning,
    Information,
    Hint,
}

public static class FindingSeverityExtensions
{
    /// <summary>One level less severe (a finding that is real but costs less: downloads in a cache mount, a path
    /// that may be a build output). Hint stays hint.</summary>
    public static FindingSeverity Lower(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => FindingSeverity.Warning,
        FindingSeverity.Warning => FindingSeverity.Information,
        _ => FindingSeverity.Hint,
    };
}
