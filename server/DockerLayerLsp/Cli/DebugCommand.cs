using System.CommandLine;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Cli;

/// <summary><c>dockerlayer debug ...</c>: views of the engine's internals for conformance checks.</summary>
internal static class DebugCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A Dockerfile." };
        var dump = new Command("buildkit-dump", "Print the file's AST in BuildKit's parser-test dump format.") { file };
        dump.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var result = BuildKitDump.Dump(SyntaxTree.Parse(SourceText.From(File.ReadAllText(path.FullName))));
            foreach (var error in result.Errors)
                Console.Error.WriteLine($"{path.Name}: error: {error.Message}");
            Console.Out.Write(result.Text);
            return result.Errors.Count > 0 ? CommandLine.ExitFindings : CommandLine.ExitClean;
        });
        return new Command("debug", "Developer views of the parser.") { dump };
    }
}
