using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>
/// Manifests that name local packages (pip <c>-e ./pkg</c>, a <c>{ path = "libs/x" }</c> dependency, npm <c>file:</c>):
/// a package in a sub-folder is a needed narrow copy, the project itself means the install needs the source.
/// </summary>
public class Dlc001LocalPackagesTests
{
    private const string PipBusting = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n";

    [Theory]
    [InlineData("-e .\nflask\n")]
    [InlineData(".\n")]
    [InlineData("./\n")]
    [InlineData("--editable=.\n")]
    [InlineData("flask\nfile:.\n")]
    [InlineData("-e file:.#egg=app\n")]
    public void A_requirement_on_the_project_itself_needs_the_source_like_pip_install_dot(string requirements)
        => Assert.Empty(AnalyzeOnDisk(PipBusting, $"requirements.txt => {requirements}", "app.py", "setup.py").Findings);

    [Fact]
    public void A_requirement_on_the_project_through_a_nested_include_needs_the_source()
        => Assert.Empty(AnalyzeOnDisk(PipBusting, "requirements.txt => -r requirements/base.txt\n", "requirements/base.txt => -e .\n", "app.py", "setup.py").Findings);

    [Theory]
    [InlineData("RUN --mount=type=bind,target=. pip install -r requirements.txt", "requirements.txt => -e .\nflask\n")]
    [InlineData("RUN --mount=type=bind,source=.,target=/app pip install -r requirements.txt", "requirements.txt => -r requirements/base.txt\n", "requirements/base.txt => -e .\n")]
    public void A_whole_context_bind_mount_for_requirements_that_install_the_project_is_quiet(string run, params string[] files)
        => Assert.Empty(AnalyzeOnDisk($"FROM python:3.12\nWORKDIR /app\n{run}\n", [.. files, "app.py", "setup.py"]).Findings);

    [Fact]
    public void A_whole_context_bind_mount_for_requirements_without_the_project_is_reported()
    {
        var finding = Assert.Single(AnalyzeOnDisk("FROM python:3.12\nWORKDIR /app\nRUN --mount=type=bind,target=. pip install -r requirements.txt\n", "requirements.txt => -e ./libs/x\nflask\n", "app.py", "libs/x/setup.py").Findings);
        Assert.Contains("bind-mounts the whole build context", finding.Message);
    }

    [Theory]
    [InlineData("./libs/mylib\n")]
    [InlineData("-e ./libs/mylib\n")]
    [InlineData("file:libs/mylib\n")]
    [InlineData("mylib @ file:libs/mylib\n")]
    [InlineData("flask  # web\n-e libs/mylib[extra] ; python_version >= '3.8'\n")]
    public void A_requirement_on_a_local_subfolder_copies_that_folder_too(string requirements)
    {
        var files = new[] { $"requirements.txt => {requirements}", "app.py", "libs/mylib/setup.py", "libs/mylib/mylib/__init__.py" };
        var analysis = AnalyzeOnDisk(PipBusting, files);
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains("libs/mylib/", finding.Message);
        Assert.Equal(FixSafety.Safe, Assert.Single(finding.Fixes).Safety);
        var fixedText = Fix(analysis);
        Assert.Equal("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nCOPY libs/mylib/ /app/libs/mylib/\nRUN pip install -r requirements.txt\nCOPY . .\n", fixedText);
        Assert.Empty(AnalyzeOnDisk(fixedText, files).Findings);
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void A_local_package_named_in_a_constraints_file_is_copied_too()
    {
        var files = new[] { "requirements.txt => flask\n-c constraints.txt\n", "constraints.txt => -e ./pkg\n", "app.py", "pkg/pyproject.toml" };
        var fixedText = Fix(AnalyzeOnDisk(PipBusting, files));
        Assert.Equal("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt constraints.txt ./\nCOPY pkg/ /app/pkg/\nRUN pip install -r requirements.txt\nCOPY . .\n", fixedText);
    }

    [Theory]
    [InlineData("missing", "app.py")]
    [InlineData("ignored", ".dockerignore => libs/\n", "libs/mylib/setup.py")]
    public void A_local_package_missing_from_the_context_or_ignored_is_not_copied(string name, params string[] files)
    {
        Assert.NotNull(name);
        var analysis = AnalyzeOnDisk(PipBusting, [.. files, "requirements.txt => ./libs/mylib\n./wheels/mylib-1.0-py3-none-any.whl\n", "main.py"]);
        Assert.Equal("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n", Fix(analysis));
    }

    [Fact]
    public void A_local_wheel_file_in_the_context_is_copied_at_its_path()
    {
        var files = new[] { "requirements.txt => ./wheels/mylib-1.0-py3-none-any.whl\n", "wheels/mylib-1.0-py3-none-any.whl", "app.py" };
        Assert.Equal("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nCOPY wheels/mylib-1.0-py3-none-any.whl /app/wheels/\nRUN pip install -r requirements.txt\nCOPY . .\n",
            Fix(AnalyzeOnDisk(PipBusting, files)));
    }

    [Fact]
    public void Manifest_first_with_the_local_package_copied_is_quiet()
        => Assert.Empty(AnalyzeOnDisk("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nCOPY libs/mylib libs/mylib\nRUN pip install -r requirements.txt\nCOPY . .\n",
            "requirements.txt => -e ./libs/mylib\n", "app.py", "libs/mylib/setup.py", "libs/mylib/mylib/__init__.py").Findings);

    [Fact]
    public void Pipenv_path_dependency_is_copied_and_a_path_to_the_project_is_quiet()
    {
        const string busting = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pipenv install --deploy --system\n";
        var files = new[] { "Pipfile => [packages]\nmylib = {path = \"./libs/mylib\", editable = true}\n", "Pipfile.lock", "app.py", "libs/mylib/setup.py" };
        Assert.Equal("FROM python:3.12\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nCOPY libs/mylib/ /app/libs/mylib/\nRUN pipenv install --deploy --system\nCOPY . .\n",
            Fix(AnalyzeOnDisk(busting, files)));
        Assert.Empty(AnalyzeOnDisk(busting, "Pipfile => [packages]\napp = {path = \".\", editable = true}\n", "Pipfile.lock", "app.py", "setup.py").Findings);
    }

    [Fact]
    public void Poetry_and_uv_path_dependencies_are_copied_before_the_dependency_step()
    {
        var poetry = AnalyzeOnDisk("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n",
            "pyproject.toml => [tool.poetry.dependencies]\nmylib = { path = \"libs/mylib\", develop = true }\n", "poetry.lock", "app/main.py", "libs/mylib/pyproject.toml");
        Assert.Equal("FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nCOPY libs/mylib/ /app/libs/mylib/\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n",
            Fix(poetry, includeUnsafe: true));
        var uv = AnalyzeOnDisk("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked\n",
            "pyproject.toml => [tool.uv.sources]\nmylib = { path = \"libs/mylib\" }\n", "uv.lock", "app/main.py", "libs/mylib/pyproject.toml");
        Assert.Equal("FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nCOPY libs/mylib/ /app/libs/mylib/\nRUN uv sync --locked --no-install-project\nCOPY . .\nRUN uv sync --locked\n",
            Fix(uv, includeUnsafe: true));
    }

    [Fact]
    public void Npm_file_dependency_is_copied_and_the_manifest_first_version_is_quiet()
    {
        var files = new[] { "package.json => {\"dependencies\": {\"mylib\": \"file:libs/mylib\", \"express\": \"^4\"}}", "package-lock.json", "index.js", "libs/mylib/package.json", "libs/mylib/index.js" };
        var analysis = AnalyzeOnDisk("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", files);
        var fixedText = Fix(analysis);
        Assert.Equal("FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY libs/mylib/ /app/libs/mylib/\nRUN npm ci\nCOPY . .\n", fixedText);
        Assert.Empty(AnalyzeOnDisk(fixedText, files).Findings);
        Assert.Empty(FixInvariants.Check(analysis));
    }
}
