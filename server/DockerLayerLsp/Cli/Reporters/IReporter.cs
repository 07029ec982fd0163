namespace DockerLayerLsp.Cli.Reporters;

/// <summary>Writes the results of one `check` run in one output format.</summary>
internal interface IReporter
{
    void Write(Stream output, IReadOnlyList<FileReport> reports);
}
