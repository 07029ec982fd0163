using DockerLayerLsp.Analysis.Fixes;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

public class Dlc001GoNpmPipTests
{
    private const string GoBusting = """
        FROM golang:1.23 AS build
        WORKDIR /src
        COPY . .
        RUN go mod download
        RUN go build -o /bin/app .

        """;

    [Fact]
    public void Go_copy_everything_before_mod_download_is_reported_on_the_copy_with_the_install_related()
    {
        var analysis = Analyze(GoBusting, "go.mod", "go.sum", "main.go");
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("DLC001", finding.RuleId);
        Assert.Equal("3:1", Where(analysis, finding.Span));
        Assert.Contains("go mod download", finding.Message);
        Assert.Contains("go.mod, go.sum", finding.Message);
        var related = Assert.Single(finding.Related);
        Assert.Equal("4:1", Where(analysis, related.Span));
        Assert.Equal(FixSafety.Safe, Assert.Single(finding.Fixes).Safety);
    }

    [Fact]
    public void Go_fix_gives_the_manifest_first_order_and_rechecks_clean()
    {
        var analysis = Analyze(GoBusting, "go.mod", "go.sum", "main.go");
        var fixedText = Fix(analysis);
        Assert.Equal("""
            FROM golang:1.23 AS build
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN go mod download
            COPY . .
            RUN go build -o /bin/app .

            """, fixedText);
        Assert.Empty(Analyze(fixedText, "go.mod", "go.sum", "main.go").Findings);
    }

    [Fact]
    public void Only_manifests_that_exist_are_copied()
    {
        var fixedText = Fix(Analyze(GoBusting, "go.mod", "main.go"));
        Assert.Contains("COPY go.mod ./\n", fixedText);
        Assert.DoesNotContain("go.sum", fixedText);
    }

    [Fact]
    public void Manifests_excluded_by_dockerignore_are_not_copied()
    {
        var fixedText = Fix(AnalyzeWithIgnore(GoBusting, "go.sum\n", "go.mod", "go.sum", "main.go"));
        Assert.Contains("COPY go.mod ./\n", fixedText);
    }

    [Fact]
    public void Manifest_first_file_is_quiet()
    {
        Assert.Empty(Analyze("""
            FROM golang:1.23
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN go mod download
            COPY . .
            RUN go build ./...
            """, "go.mod", "go.sum", "main.go").Findings);
    }

    [Fact]
    public void Quiet_when_nothing_is_installed_or_stage_only_copies_from_another_stage()
    {
        Assert.Empty(Analyze("""
            FROM golang:1.23 AS build
            WORKDIR /src
            COPY . .
            RUN go vet ./... || true
            FROM scratch
            COPY --from=build /app /app
            """, "main.go").Findings);
        Assert.Empty(Analyze("""
            FROM node:22 AS deps
            COPY --from=build /src /src
            RUN npm ci
            """, "package.json", "package-lock.json").Findings);
    }

    [Fact]
    public void Npm_with_lockfile_and_npmrc_keeps_chown_and_indentation()
    {
        var analysis = Analyze("""
            FROM node:22
            WORKDIR /app
            # bring the app in
            COPY --chown=node:node . .
            ENV NODE_ENV=production
            RUN npm ci --omit=dev
            CMD ["node", "server.js"]
            """, "package.json", "package-lock.json", ".npmrc", "server.js");
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains("npm ci", finding.Message);
        Assert.Equal("""
            FROM node:22
            WORKDIR /app
            ENV NODE_ENV=production
            COPY --chown=node:node package.json package-lock.json .npmrc ./
            RUN npm ci --omit=dev
            # bring the app in
            COPY --chown=node:node . .
            CMD ["node", "server.js"]
            """, Fix(analysis));
    }

    [Theory]
    [InlineData("yarn install --frozen-lockfile", "yarn.lock")]
    [InlineData("yarn", "yarn.lock")]
    [InlineData("pnpm install --frozen-lockfile", "pnpm-lock.yaml")]
    [InlineData("npm install", "package-lock.json")]
    public void Node_package_managers_are_recognised(string install, string lockfile)
    {
        var analysis = Analyze($"FROM node:22\nWORKDIR /app\nCOPY . .\nRUN {install}\n", "package.json", lockfile, "index.js");
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains(lockfile, finding.Message);
        Assert.Equal($"FROM node:22\nWORKDIR /app\nCOPY package.json {lockfile} ./\nRUN {install}\nCOPY . .\n", Fix(analysis));
    }

    [Theory]
    [InlineData("npm install express")]
    [InlineData("npm install -g pnpm")]
    [InlineData("yarn build")]
    public void Adding_packages_or_global_tools_is_not_a_manifest_install(string command)
        => Assert.Empty(Analyze($"FROM node:22\nCOPY . .\nRUN {command}\n", "package.json", "yarn.lock").Findings);

    [Fact]
    public void Pip_requirements_install_in_a_subfolder_copy_is_fixed_with_the_file_it_reads()
    {
        var analysis = Analyze("""
            FROM python:3.12-slim
            WORKDIR /app
            COPY src/ /app/
            RUN pip install --no-cache-dir -r requirements/prod.txt
            CMD ["python", "main.py"]
            """, "src/requirements/prod.txt", "src/main.py");
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains("src/requirements/prod.txt", finding.Message);
        Assert.Equal("""
            FROM python:3.12-slim
            WORKDIR /app
            COPY src/requirements/prod.txt /app/requirements/
            RUN pip install --no-cache-dir -r requirements/prod.txt
            COPY src/ /app/
            CMD ["python", "main.py"]
            """, Fix(analysis));
    }

    [Theory]
    [InlineData("pip install .")]
    [InlineData("pip install -e .")]
    [InlineData("pip install flask")]
    public void Pip_installs_that_need_the_source_or_no_manifest_are_quiet(string command)
        => Assert.Empty(Analyze($"FROM python:3.12\nCOPY . .\nRUN {command}\n", "requirements.txt", "app.py").Findings);

    [Fact]
    public void Crlf_and_no_final_newline_are_kept()
    {
        var text = "FROM golang:1.23\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go mod download";
        var fixedText = Fix(Analyze(text, "go.mod", "main.go"));
        Assert.Equal("FROM golang:1.23\r\nWORKDIR /src\r\nCOPY go.mod ./\r\nRUN go mod download\r\nCOPY . .", fixedText);
    }

    [Fact]
    public void A_run_between_copy_and_install_makes_the_fix_unsafe()
    {
        var analysis = Analyze("""
            FROM node:22
            WORKDIR /app
            COPY . .
            RUN ./scripts/prepare.sh
            RUN npm ci
            """, "package.json", "package-lock.json", "scripts/prepare.sh");
        var fix = Assert.Single(Assert.Single(analysis.Findings).Fixes);
        Assert.Equal(FixSafety.Unsafe, fix.Safety);
        Assert.Contains("line 4", fix.Note);
        Assert.Equal(analysis.Tree.Text.ToString(), Fix(analysis));
    }

    [Fact]
    public void Install_and_build_in_one_run_is_split_by_an_unsafe_fix()
    {
        var analysis = Analyze("FROM node:22\nCOPY . .\nRUN npm ci && npm run build\n", "package.json", "package-lock.json");
        var fix = Assert.Single(Assert.Single(analysis.Findings).Fixes);
        Assert.Equal(FixSafety.Unsafe, fix.Safety);
        Assert.False(fix.IsPreferred);
        Assert.Equal(analysis.Tree.Text.ToString(), Fix(analysis));
        Assert.Equal("FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n", Fix(analysis, includeUnsafe: true));
    }

    [Fact]
    public void Suppression_comment_silences_the_finding()
    {
        var text = "FROM golang:1.23\n# dockerlayer ignore=DLC001\nCOPY . .\nRUN go mod download\n";
        Assert.Empty(Analyze(text, "go.mod").Findings);
    }

    [Fact]
    public void Suppression_edit_writes_the_pragma_above_the_copy()
    {
        var analysis = Analyze(GoBusting, "go.mod", "go.sum");
        var edit = Suppression.CreateEdit(analysis, analysis.Findings[0]);
        var suppressed = TextEdits.Apply(analysis.Tree.Text.ToString(), [edit]);
        Assert.Contains("# dockerlayer ignore=DLC001\nCOPY . .", suppressed);
        Assert.Empty(Analyze(suppressed, "go.mod", "go.sum").Findings);
    }

    [Fact]
    public void Backtick_escape_and_continuations_in_the_install_survive_the_fix()
    {
        var text = "# escape=`\nFROM node:22\nWORKDIR C:\\app\nCOPY . .\nRUN npm ci `\n    --omit=dev\n";
        var analysis = Analyze(text, "package.json", "package-lock.json");
        var fixedText = Fix(analysis);
        Assert.Contains("RUN npm ci `\n    --omit=dev\nCOPY . .\n", fixedText);
        Assert.Contains("# escape=`\n", fixedText);
    }
}
