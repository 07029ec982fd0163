using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>
/// Files an install reads that only the manifests' content names: pip's local wheel folders and file URLs, Go's local
/// <c>replace</c> targets, workspace members' lifecycle scripts, the <c>pip:</c> section of a conda environment file,
/// uv workspace members. The fix must copy them with the manifests (or, where it cannot, offer none).
/// </summary>
public class Dlc001ManifestDiscoveryTests
{
    private const string PipHead = "FROM python:3.12\nWORKDIR /app\n";

    /// <summary>Fires once, the (safe unless said) fix gives <paramref name="expected"/>, which is quiet, and the invariants hold.</summary>
    private static void FixesTo(string busting, string expected, FixSafety safety, params string[] files)
    {
        var analysis = AnalyzeOnDisk(busting, files);
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(safety, Assert.Single(finding.Fixes).Safety);
        var fixedText = Fix(analysis, includeUnsafe: true);
        Assert.Equal(expected, fixedText);
        if (safety == FixSafety.Unsafe) Assert.Equal(busting, Fix(analysis));
        Assert.Empty(AnalyzeOnDisk(fixedText, files).Findings);
        Assert.Empty(FixInvariants.Check(analysis));
    }

    // ------------------------------------------------------------ pip: wheel folders, indexes, file URLs

    [Theory]
    [InlineData("--find-links=wheels")]
    [InlineData("--find-links ./wheels")]
    [InlineData("-f wheels/")]
    [InlineData("-fwheels")]
    [InlineData("--find-links file:///app/wheels")]
    [InlineData("--extra-index-url file:///app/wheels")]
    [InlineData("-f /app/wheels")]
    public void A_local_wheel_folder_on_the_command_line_is_copied_with_the_requirements(string flag)
        => FixesTo($"{PipHead}COPY . .\nRUN pip install --no-index {flag} -r requirements.txt\n",
            $"{PipHead}COPY requirements.txt ./\nCOPY wheels/ /app/wheels/\nRUN pip install --no-index {flag} -r requirements.txt\nCOPY . .\n",
            FixSafety.Safe, "requirements.txt => foo==1.0\n", "wheels/foo-1.0-py3-none-any.whl", "app.py");

    [Theory]
    [InlineData("--find-links ./wheels\n")]
    [InlineData("-f wheels\n")]
    [InlineData("--find-links=file:///app/wheels\n")]
    public void A_local_wheel_folder_named_in_the_requirements_is_copied_too(string line)
        => FixesTo($"{PipHead}COPY . .\nRUN pip install --no-index -r requirements.txt\n",
            $"{PipHead}COPY requirements.txt ./\nCOPY wheels/ /app/wheels/\nRUN pip install --no-index -r requirements.txt\nCOPY . .\n",
            FixSafety.Safe, $"requirements.txt => {line}foo==1.0\n", "wheels/foo-1.0-py3-none-any.whl", "app.py");

    [Fact]
    public void A_find_links_folder_in_a_nested_requirements_file_is_relative_to_that_file_when_it_is_there()
        => FixesTo($"{PipHead}COPY . .\nRUN pip install -r requirements/prod.txt\n",
            $"{PipHead}COPY requirements/prod.txt /app/requirements/\nCOPY requirements/wheels/ /app/requirements/wheels/\nRUN pip install -r requirements/prod.txt\nCOPY . .\n",
            FixSafety.Safe, "requirements/prod.txt => -f wheels\nfoo\n", "requirements/wheels/foo-1.0-py3-none-any.whl", "app.py");

    [Fact]
    public void A_requirement_on_an_absolute_file_url_into_the_copied_source_copies_that_folder()
        => FixesTo($"{PipHead}COPY . .\nRUN pip install -r requirements.txt\n",
            $"{PipHead}COPY requirements.txt ./\nCOPY libs/x/ /app/libs/x/\nRUN pip install -r requirements.txt\nCOPY . .\n",
            FixSafety.Safe, "requirements.txt => x @ file:///app/libs/x\nflask\n", "libs/x/pyproject.toml", "app.py");

    [Theory]
    [InlineData("app @ file:///app\n")]
    [InlineData("-e file:///app\n")]
    public void An_absolute_file_url_to_the_project_itself_needs_the_source(string requirements)
        => Assert.Empty(AnalyzeOnDisk($"{PipHead}COPY . .\nRUN pip install -r requirements.txt\n", $"requirements.txt => {requirements}", "pyproject.toml", "app.py").Findings);

    [Theory]
    [InlineData("--find-links https://example.com/wheels", "foo==1.0\n")]
    [InlineData("-f /opt/wheels", "foo==1.0\n")]
    [InlineData("--extra-index-url https://pypi.example.com/simple", "foo==1.0\n")]
    [InlineData("", "x @ file:///opt/libs/x\n")]
    public void Remote_indexes_and_image_paths_outside_the_copied_source_add_nothing(string flag, string requirements)
        => FixesTo($"{PipHead}COPY . .\nRUN pip install {flag} -r requirements.txt\n".Replace("install  -r", "install -r"),
            $"{PipHead}COPY requirements.txt ./\nRUN pip install {flag} -r requirements.txt\nCOPY . .\n".Replace("install  -r", "install -r"),
            FixSafety.Safe, $"requirements.txt => {requirements}", "wheels/foo-1.0-py3-none-any.whl", "app.py");

    [Fact]
    public void A_wheel_folder_excluded_by_dockerignore_is_not_copied()
        => FixesTo($"{PipHead}COPY . .\nRUN pip install --find-links=wheels -r requirements.txt\n",
            $"{PipHead}COPY requirements.txt ./\nRUN pip install --find-links=wheels -r requirements.txt\nCOPY . .\n",
            FixSafety.Safe, "requirements.txt => foo\n", ".dockerignore => wheels\n", "wheels/foo-1.0-py3-none-any.whl", "app.py");

    [Fact]
    public void Constraints_on_the_command_line_are_copied_with_the_requirements()
        => FixesTo($"{PipHead}COPY . .\nRUN pip install -r requirements.txt -c constraints.txt\n",
            $"{PipHead}COPY requirements.txt constraints.txt ./\nRUN pip install -r requirements.txt -c constraints.txt\nCOPY . .\n",
            FixSafety.Safe, "requirements.txt => flask\n", "constraints.txt => flask<4\n", "app.py");

    [SkippableFact]
    public void Pip_resolves_a_local_wheel_folder_from_the_fixed_copy_alone()
    {
        // The fixed Dockerfile's dependency layer has only requirements.txt and wheels/: pip must resolve from them offline.
        var root = Path.Combine(Path.GetTempPath(), "dockerlayer-pip-" + Guid.NewGuid().ToString("N"));
        var wheels = Directory.CreateDirectory(Path.Combine(root, "wheels")).FullName;
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(wheels, "foo-1.0-py3-none-any.whl"), System.IO.Compression.ZipArchiveMode.Create))
        {
            void Entry(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
            Entry("foo/__init__.py", "");
            Entry("foo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n");
            Entry("foo-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
            Entry("foo-1.0.dist-info/RECORD", "");
        }
        File.WriteAllText(Path.Combine(root, "requirements.txt"), "--find-links ./wheels\nfoo==1.0\n");
        var pip = RunPip(root, "download --no-index --dest out -r requirements.txt");
        Skip.If(pip is null, "python3 -m pip is not installed");
        Assert.True(pip!.Value.ExitCode == 0, pip.Value.Output);
        Assert.True(File.Exists(Path.Combine(root, "out", "foo-1.0-py3-none-any.whl")), pip.Value.Output);
        Directory.Delete(root, recursive: true);
    }

    private static (int ExitCode, string Output)? RunPip(string directory, string arguments)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("python3", "-m pip " + arguments)
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 && error.Contains("No module named pip", StringComparison.Ordinal)) return null;
            return (process.ExitCode, output.Result + error);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // ------------------------------------------------------------ Go: local replace targets

    [Fact]
    public void A_local_replace_target_s_go_mod_is_copied_at_its_path()
        => FixesTo("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build ./cmd\n",
            "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY lib/go.mod /src/lib/\nRUN go mod download\nCOPY . .\nRUN go build ./cmd\n",
            FixSafety.Safe,
            "go.mod => module ex\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ./lib\n", "go.sum", "cmd/main.go", "lib/go.mod => module example.com/lib\n", "lib/lib.go");

    [Fact]
    public void Replace_blocks_keep_go_sum_and_skip_module_replacements()
        => FixesTo("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\n",
            "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod ./\nCOPY libs/a/go.mod libs/a/go.sum /src/libs/a/\nCOPY b/go.mod /src/b/\nRUN go mod download\nCOPY . .\n",
            FixSafety.Safe,
            "go.mod => module ex\n\nreplace (\n\texample.com/a v1.0.0 => ./libs/a // local\n\texample.com/b => ./b/\n\texample.com/c => example.com/fork v1.2.3\n)\n",
            "libs/a/go.mod", "libs/a/go.sum", "b/go.mod", "main.go");

    [Fact]
    public void A_workspace_module_s_replace_and_a_go_work_replace_are_followed()
        => FixesTo("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\n",
            "FROM golang:1.22\nWORKDIR /src\nCOPY go.work ./\nCOPY api/go.mod /src/api/\nCOPY tools/go.mod /src/tools/\nCOPY lib/go.mod /src/lib/\nRUN go mod download\nCOPY . .\n",
            FixSafety.Safe,
            "go.work => go 1.22\nuse ./api\nreplace example.com/tools => ./tools\n", "api/go.mod => module example.com/api\nreplace example.com/lib => ../lib\n",
            "lib/go.mod", "tools/go.mod", "api/main.go");

    // ------------------------------------------------------------ workspace members' lifecycle scripts

    [Theory]
    [InlineData("package.json => {\"workspaces\": [\"packages/*\"]}", "package-lock.json", "npm ci")]
    [InlineData("package.json => {\"workspaces\": [\"packages/*\"]}", "yarn.lock", "yarn install --frozen-lockfile")]
    [InlineData("pnpm-workspace.yaml => packages:\n  - packages/*\n", "pnpm-lock.yaml", "pnpm install --frozen-lockfile")]
    public void A_workspace_member_s_install_script_makes_the_fix_skip_scripts_and_unsafe(string workspace, string lockfile, string install)
    {
        var files = new[] { workspace, lockfile, "packages/a/package.json => {\"name\":\"a\",\"scripts\":{\"postinstall\":\"node scripts/gen.js\"}}", "packages/a/scripts/gen.js" };
        if (!workspace.StartsWith("package.json", StringComparison.Ordinal)) files = [.. files, "package.json => {}"];
        var analysis = AnalyzeOnDisk($"FROM node:20\nWORKDIR /app\nCOPY . .\nRUN {install}\n", files);
        var fix = Assert.Single(Assert.Single(analysis.Findings).Fixes);
        Assert.Equal(FixSafety.Unsafe, fix.Safety);
        Assert.Contains("packages/a/package.json defines postinstall", fix.Note);
        Assert.Contains($"RUN {install} --ignore-scripts\nCOPY . .\n", Fix(analysis, includeUnsafe: true));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void Workspace_members_without_install_scripts_keep_the_safe_fix()
    {
        var analysis = AnalyzeOnDisk("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", "package.json => {\"workspaces\": [\"packages/*\"]}", "package-lock.json",
            "packages/a/package.json => {\"name\":\"a\",\"scripts\":{\"build\":\"tsc\",\"test\":\"jest\"}}", "packages/a/index.js");
        Assert.Equal(FixSafety.Safe, Assert.Single(Assert.Single(analysis.Findings).Fixes).Safety);
    }

    // ------------------------------------------------------------ conda: the pip section of environment.yml

    private const string CondaBusting = "FROM continuumio/miniconda3\nWORKDIR /app\nCOPY . .\nRUN conda env create -f environment.yml\n";

    [Fact]
    public void The_pip_section_s_requirement_files_and_local_packages_are_copied_with_the_environment_file()
        => FixesTo(CondaBusting,
            "FROM continuumio/miniconda3\nWORKDIR /app\nCOPY environment.yml requirements.txt base.txt ./\nCOPY libs/y/ /app/libs/y/\nRUN conda env create -f environment.yml\nCOPY . .\n",
            FixSafety.Safe,
            "environment.yml => name: x\ndependencies:\n  - python=3.12\n  - pip\n  - pip:\n    - -r requirements.txt\n    - -e ./libs/y\n    - flask\n",
            "requirements.txt => -r base.txt\n", "base.txt => flask\n", "libs/y/pyproject.toml", "a.py");

    [Theory]
    [InlineData("    - -e .\n")]
    [InlineData("    - .\n")]
    [InlineData("    - --editable=.\n")]
    public void A_pip_entry_on_the_project_itself_needs_the_source(string entry)
        => Assert.Empty(AnalyzeOnDisk(CondaBusting, $"environment.yml => name: x\ndependencies:\n  - pip\n  - pip:\n{entry}", "pyproject.toml", "a.py").Findings);

    [Fact]
    public void An_environment_file_without_pip_entries_copies_only_itself()
        => FixesTo(CondaBusting,
            "FROM continuumio/miniconda3\nWORKDIR /app\nCOPY environment.yml ./\nRUN conda env create -f environment.yml\nCOPY . .\n",
            FixSafety.Safe, "environment.yml => name: x\ndependencies:\n  - python=3.12\n  - numpy  # ./not/a/path\n", "requirements.txt", "a.py");

    // ------------------------------------------------------------ uv workspaces

    [Fact]
    public void Uv_workspace_members_are_copied_and_the_step_leaves_out_the_whole_workspace()
        => FixesTo(
            "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n",
            "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock .python-version ./\nCOPY packages/lib/pyproject.toml /app/packages/lib/\nCOPY tools/cli/pyproject.toml /app/tools/cli/\n"
            + "RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-install-workspace\nCOPY . /app\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n",
            FixSafety.Unsafe,
            "pyproject.toml => [project]\nname = \"app\"\ndependencies = [\"lib\"]\n[tool.uv.sources]\nlib = { workspace = true }\n[tool.uv.workspace]\nmembers = [\n  \"packages/*\",\n  \"tools/cli\",  # the CLI\n]\nexclude = [\"packages/old\"]\n",
            "uv.lock", ".python-version", "README.md", "packages/lib/pyproject.toml", "packages/lib/src/lib/__init__.py", "packages/old/pyproject.toml", "tools/cli/pyproject.toml", "src/app/__init__.py");

    [Fact]
    public void A_uv_project_without_a_workspace_keeps_no_install_project()
        => FixesTo("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked --no-install-project\nCOPY . .\nRUN uv sync --locked\n",
            FixSafety.Unsafe, "pyproject.toml => [project]\nname = \"app\"\n[tool.uv]\ndev-dependencies = [\"pytest\"]\n", "uv.lock", "src/app/__init__.py");

    // ------------------------------------------------------------ variables in install paths

    [Theory]
    [InlineData("ENV APP=/srv/app", "COPY . $APP", "RUN pip install -r $APP/requirements.txt")]
    [InlineData("ENV APP=/srv/app", "COPY . /srv/app", "RUN pip install -r ${APP}/requirements.txt")]
    public void Known_variables_in_the_install_s_paths_are_expanded(string variable, string copy, string install)
    {
        var analysis = AnalyzeOnDisk($"FROM python:3.12-slim\n{variable}\nWORKDIR /tmp\n{copy}\n{install}\n", "requirements.txt => flask\n", "app.py");
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains("requirements.txt", finding.Message);
        Assert.Equal($"FROM python:3.12-slim\n{variable}\nWORKDIR /tmp\nCOPY requirements.txt /srv/app/\n{install}\n{copy}\n", Fix(analysis));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void An_unknown_variable_in_the_install_s_paths_stays_quiet()
        => Assert.Empty(AnalyzeOnDisk("FROM python:3.12-slim\nARG APP\nWORKDIR /tmp\nCOPY . /srv/app\nRUN pip install -r ${APP}/requirements.txt\n", "requirements.txt", "app.py").Findings);

    [Theory]
    [InlineData("ARG APP=/srv/app\n")]
    [InlineData("ARG BASE=/srv\nENV APP=${BASE}/app\n")]
    public void A_build_argument_in_the_install_s_paths_is_reported_without_a_fix(string variables)
    {
        var finding = Assert.Single(AnalyzeOnDisk($"FROM python:3.12-slim\n{variables}WORKDIR /tmp\nCOPY . ${{APP}}\nRUN pip install -r ${{APP}}/requirements.txt\n", "requirements.txt => flask\n", "app.py").Findings);
        Assert.Empty(finding.Fixes);
        Assert.Contains("build argument", finding.Message);
    }

    [Fact]
    public void A_variable_the_run_assigns_itself_is_not_expanded()
        => Assert.Empty(AnalyzeOnDisk("FROM python:3.12-slim\nENV APP=/srv/app\nCOPY . /srv/app\nRUN APP=/other && pip install -r $APP/requirements.txt\n", "requirements.txt", "app.py").Findings);
}
