namespace DockerLayerLsp.Syntax;

/// <summary>A 0-based line and a 0-based UTF-16 character offset within that line (LSP's default encoding).</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => $"{Line}:{Character}";
}
