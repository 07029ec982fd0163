namespace DockerLayerLsp.Syntax;

/// <summary>Kinds of green nodes and tokens. Tokens are whole physical lines (BuildKit's unit) including their break.</summary>
internal enum GreenKind
{
    // Nodes
    Dockerfile,
    Instruction,
    CommentLine,
    BlankLine,
    DirectiveLine,

    // Tokens inside an instruction
    InstructionLine,
    ContinuationLine,
    InteriorCommentLine,
    EmptyContinuationLine,
    HeredocBodyLine,
    HeredocTerminatorLine,
}
