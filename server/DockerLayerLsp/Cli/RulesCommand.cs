using System.CommandLine;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Rules;

namespace DockerLayerLsp.Cli;

/// <summary><c>dockerlayer rules</c> and <c>dockerlayer rule ID</c>: the rules' own documentation.</summary>
internal static class RulesCommand
{
    public static Command CreateList()
    {
        var command = new Command("rules", "List every rule.");
        command.SetAction(_ =>
        {
            foreach (var rule in RuleCatalog.Descriptors)
                Console.WriteLine($"{rule.Id}  {rule.Name,-40} {rule.DefaultSeverity.ToString().ToLowerInvariant(),-8} {rule.Title}");
            return CommandLine.ExitClean;
        });
        return command;
    }

    public static Command CreateShow()
    {
        var id = new Argument<string>("ID") { Description = "Rule ID (DLC001) or name." };
        var command = new Command("rule", "Print a rule's documentation.") { id };
        command.SetAction(parse =>
        {
            var rule = RuleCatalog.Find(parse.GetValue(id)!);
            if (rule is null)
            {
                Console.Error.WriteLine($"dockerlayer: unknown rule '{parse.GetValue(id)}' (see 'dockerlayer rules')");
                return CommandLine.ExitUsage;
            }
            Console.Write(RuleDocumentationMarkdown.Render(rule));
            return CommandLine.ExitClean;
        });
        return command;
    }
}
