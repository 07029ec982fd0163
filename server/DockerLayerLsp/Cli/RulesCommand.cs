using System.CommandLine;
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
            var doc = rule.Documentation;
            Console.WriteLine($"# {rule.Id} ({rule.Name}): {rule.Title}\n");
            Console.WriteLine($"Default severity: {rule.DefaultSeverity.ToString().ToLowerInvariant()}\n");
            Console.WriteLine($"## What it does\n{doc.WhatItDoes}\n");
            Console.WriteLine($"## Why it matters\n{doc.WhyItMatters}\n");
            Console.WriteLine($"## Example\n```dockerfile\n{doc.Example}\n```\n");
            Console.WriteLine($"## Use instead\n```dockerfile\n{doc.UseInstead}\n```\n");
            Console.WriteLine($"## Fix safety\n{doc.FixSafety}");
            return CommandLine.ExitClean;
        });
        return command;
    }
}
