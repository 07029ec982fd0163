namespace DockerLayerLsp.Analysis.Findings;

public enum FindingSeverity
{
    Error,
    Warning,
    Information,
    Hint,
}
