namespace DockerLayerLsp.Analysis.Findings;

/// <summary>
/// A rule's documentation as Markdown: the text of <c>dockerlayer rule ID</c> and of docs/rules/ID.md
/// (a test keeps the files equal to this output).
/// </summary>
public static class RuleDocumentationMarkdown
{
    public static string Render(RuleDescriptor rule)
    {
        var doc = rule.Documentation;
        return $"""
            # {rule.Id} ({rule.Name}): {rule.Title}

            Default severity: {rule.DefaultSeverity.ToString().ToLowerInvariant()}

            ## What it does
            {doc.WhatItDoes}

            ## Why it matters
            {doc.WhyItMatters}

            ## Example
            ```dockerfile
            {doc.Example}
            ```

            ## Use instead
            ```dockerfile
            {doc.UseInstead}
            ```

            ## Fix safety
            {doc.FixSafety}

            """.ReplaceLineEndings("\n");
    }
}
