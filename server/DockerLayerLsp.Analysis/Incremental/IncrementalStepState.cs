namespace DockerLayerLsp.Analysis.Incremental;

/// <summary>What a pipeline step did for one version (Roslyn's IncrementalStepRunReason).</summary>
public enum IncrementalStepState
{
    /// <summary>No previous result at this index: the step ran for the first time.</summary>
    New,

    /// <summary>Its inputs changed; it ran and produced a different output.</summary>
    Modified,

    /// <summary>Its inputs changed; it ran and produced an output equal to the previous one, so nothing after it needs to run.</summary>
    Unchanged,

    /// <summary>Its inputs were equal to the previous ones: it did not run, the previous output was reused.</summary>
    Cached,

    /// <summary>The previous version had a result at this index and this one has no such element.</summary>
    Removed,
}

/// <summary>One step's outcome in one analysis: <paramref name="Index"/> is the stage index for per-stage steps, else -1.</summary>
public readonly record struct IncrementalStepRun(string Step, int Index, IncrementalStepState State)
{
    public override string ToString() => Index < 0 ? $"{Step}: {State}" : $"{Step}[{Index}]: {State}";
}

/// <summary>The pipeline's steps, in the order data flows through them.</summary>
public static class AnalysisSteps
{
    /// <summary>Tree → the global prologue and the stages (their children and positions). Runs for every version; cheap.</summary>
    public const string Layout = "Layout";

    /// <summary>Global ARGs and FROM lines → which earlier stage each stage builds on.</summary>
    public const string StageGraph = "StageGraph";

    /// <summary>Build context → the value-equal facts the rules read from it (manifest set, file set).</summary>
    public const string ContextFacts = "ContextFacts";

    /// <summary>One stage (with the global ARGs and the stages it builds on) → its semantic model.</summary>
    public const string StageModel = "StageModel";

    /// <summary>One stage's model, the context facts and the options → its findings, relative to the stage.</summary>
    public const string StageFindings = "StageFindings";

    /// <summary>Every stage's findings → positioned, unsuppressed, sorted diagnostics of the document.</summary>
    public const string Diagnostics = "Diagnostics";
}
