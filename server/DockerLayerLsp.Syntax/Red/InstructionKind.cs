namespace DockerLayerLsp.Syntax;

public enum InstructionKind
{
    From,
    Run,
    Cmd,
    Label,
    Maintainer,
    Expose,
    Env,
    Add,
    Copy,
    Entrypoint,
    Volume,
    User,
    Workdir,
    Arg,
    Onbuild,
    Stopsignal,
    Healthcheck,
    Shell,
    Unknown,
}

/// <summary>How an instruction's arguments are written.</summary>
public enum ArgumentForm
{
    /// <summary>No arguments (or an instruction whose arguments are ignored, like an unknown one).</summary>
    None,

    /// <summary>Plain text (shell form for RUN/CMD/ENTRYPOINT, word lists, key/value pairs...).</summary>
    Shell,

    /// <summary>A JSON array of strings (exec form).</summary>
    Exec,
}
