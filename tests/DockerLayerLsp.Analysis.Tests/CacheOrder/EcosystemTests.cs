using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>
/// One row per ecosystem (and per install shape): the busting Dockerfile fires, its fix gives exactly the
/// expected file (safe fixes with --fix, the rest with --unsafe-fixes), that file is quiet, and the fix
/// keeps the fix invariants. Data, not code: adding an ecosystem adds a row.
/// </summary>
public class EcosystemTests
{
    public sealed record Case(string Name, string Busting, string Fixed, FixSafety Safety, string[] Files)
    {
        public override string ToString() => Name;
    }

    private static Case Row(string name, string busting, string @fixed, FixSafety safety, params string[] files)
        => new(name, busting.ReplaceLineEndings("\n"), @fixed.ReplaceLineEndings("\n"), safety, files);

    public static TheoryData<Case> Cases =>
    [
        Row("go implicit resolution in go build",
            "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\n",
            "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /bin/app .\n",
            FixSafety.Unsafe, "go.mod", "go.sum", "main.go"),
        Row("go workspace modules",
            "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go mod download\n",
            "FROM golang:1.23\nWORKDIR /src\nCOPY go.work go.work.sum ./\nCOPY api/go.mod api/go.sum /src/api/\nCOPY lib/go.mod /src/lib/\nRUN go mod download\nCOPY . .\n",
            FixSafety.Safe, "go.work => go 1.23\nuse (\n  ./api\n  ./lib\n)\n", "go.work.sum", "api/go.mod", "api/go.sum", "api/main.go", "lib/go.mod", "lib/lib.go"),
        Row("npm ci with env prefix inside sh -c",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN sh -c \"CI=1 npm ci\"\n",
            "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN sh -c \"CI=1 npm ci\"\nCOPY . .\n",
            FixSafety.Safe, "package.json", "package-lock.json", "index.js"),
        Row("npm workspaces keep every member at its path",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
            "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY packages/a/package.json /app/packages/a/\nCOPY packages/b/package.json /app/packages/b/\nRUN npm ci\nCOPY . .\n",
            FixSafety.Safe, "package.json => {\"workspaces\": [\"packages/*\"]}", "package-lock.json", "packages/a/package.json", "packages/a/index.js", "packages/b/package.json", "docs/package.json"),
        Row("npm lifecycle scripts: only the --ignore-scripts variant, unsafe",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
            "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --ignore-scripts\nCOPY . .\n",
            FixSafety.Unsafe, "package.json => {\"scripts\": {\"postinstall\": \"node scripts/gen.js\"}}", "package-lock.json", "scripts/gen.js"),
        Row("npm --prefix into a subfolder copy",
            "FROM node:22\nWORKDIR /app\nCOPY frontend/ ./frontend/\nRUN npm ci --prefix frontend\n",
            "FROM node:22\nWORKDIR /app\nCOPY frontend/package.json frontend/package-lock.json /app/frontend/\nRUN npm ci --prefix frontend\nCOPY frontend/ ./frontend/\n",
            FixSafety.Safe, "frontend/package.json", "frontend/package-lock.json", "frontend/src/App.tsx"),
        Row("yarn berry with releases folder, split from the build",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install --immutable && yarn build\n",
            "FROM node:22\nWORKDIR /app\nCOPY package.json yarn.lock .yarnrc.yml ./\nCOPY .yarn/releases/ /app/.yarn/releases/\nRUN yarn install --immutable\nCOPY . .\nRUN yarn build\n",
            FixSafety.Unsafe, "package.json", "yarn.lock", ".yarnrc.yml", ".yarn/releases/yarn-4.5.0.cjs", "src/index.ts"),
        Row("pnpm fetch in cd dir",
            "FROM node:22\nCOPY . /app\nRUN cd /app && pnpm fetch\n",
            "FROM node:22\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml /app/\nRUN cd /app && pnpm fetch\nCOPY . /app\n",
            FixSafety.Safe, "package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "src/a.ts"),
        Row("bun",
            "FROM oven/bun:1\nWORKDIR /app\nCOPY . .\nRUN bun install --frozen-lockfile\n",
            "FROM oven/bun:1\nWORKDIR /app\nCOPY package.json bun.lock ./\nRUN bun install --frozen-lockfile\nCOPY . .\n",
            FixSafety.Safe, "package.json", "bun.lock", "index.ts"),
        Row("pip requirements including another file",
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements/prod.txt\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY requirements/prod.txt requirements/base.txt /app/requirements/\nRUN pip install -r requirements/prod.txt\nCOPY . .\n",
            FixSafety.Safe, "requirements/prod.txt => -r base.txt\ngunicorn\n", "requirements/base.txt => flask\n", "app.py"),
        Row("pip-tools pip-sync",
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip-sync requirements.txt\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip-sync requirements.txt\nCOPY . .\n",
            FixSafety.Safe, "requirements.txt", "app.py"),
        Row("pipenv",
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pipenv install --deploy --system\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --deploy --system\nCOPY . .\n",
            FixSafety.Safe, "Pipfile", "Pipfile.lock", "app.py"),
        Row("poetry install needs --no-root first",
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install --only main\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\nCOPY . .\nRUN poetry install --only main\n",
            FixSafety.Unsafe, "pyproject.toml", "poetry.lock", "app/main.py"),
        Row("uv sync needs --no-install-project first, cache mount carried",
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-install-project\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n",
            FixSafety.Unsafe, "pyproject.toml", "uv.lock", "src/app/__init__.py"),
        Row("conda environment file",
            "FROM mambaorg/micromamba:1.5\nWORKDIR /app\nCOPY . .\nRUN micromamba install -y -n base -f env.yaml\n",
            "FROM mambaorg/micromamba:1.5\nWORKDIR /app\nCOPY env.yaml ./\nRUN micromamba install -y -n base -f env.yaml\nCOPY . .\n",
            FixSafety.Safe, "env.yaml", "app.py"),
        Row("cargo build gets stub targets and cargo fetch",
            "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n",
            "FROM rust:1.80\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN mkdir -p src && touch src/main.rs && cargo fetch && rm src/main.rs\nCOPY . .\nRUN cargo build --release\n",
            FixSafety.Unsafe, "Cargo.toml", "Cargo.lock", "src/main.rs"),
        Row("maven wrapper with .mvn and modules",
            "FROM eclipse-temurin:21\nWORKDIR /app\nCOPY . .\nRUN ./mvnw -B package -DskipTests\n",
            "FROM eclipse-temurin:21\nWORKDIR /app\nCOPY pom.xml mvnw ./\nCOPY core/pom.xml /app/core/\nCOPY .mvn/ /app/.mvn/\nRUN ./mvnw -B dependency:go-offline\nCOPY . .\nRUN ./mvnw -B package -DskipTests\n",
            FixSafety.Unsafe, "pom.xml => <project><modules><module>core</module></modules></project>", "core/pom.xml", "core/src/main/java/A.java", "mvnw", ".mvn/wrapper/maven-wrapper.properties"),
        Row("maven -f sub/pom.xml dependency:go-offline",
            "FROM maven:3\nCOPY . /src\nRUN mvn -f /src/server/pom.xml dependency:go-offline\n",
            "FROM maven:3\nCOPY server/pom.xml /src/server/\nRUN mvn -f /src/server/pom.xml dependency:go-offline\nCOPY . /src\n",
            FixSafety.Safe, "server/pom.xml", "server/src/main/java/A.java"),
        Row("gradle build",
            "FROM gradle:8-jdk21\nWORKDIR /home/app\nCOPY . .\nRUN gradle build --no-daemon\n",
            "FROM gradle:8-jdk21\nWORKDIR /home/app\nCOPY build.gradle.kts settings.gradle.kts gradle.properties ./\nCOPY app/build.gradle.kts /home/app/app/\nRUN gradle dependencies --no-daemon\nCOPY . .\nRUN gradle build --no-daemon\n",
            FixSafety.Unsafe, "build.gradle.kts", "settings.gradle.kts", "gradle.properties", "app/build.gradle.kts", "app/src/main/kotlin/App.kt"),
        Row("dotnet restore keeps project paths and follows references",
            "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore App/App.csproj\n",
            "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /src\nCOPY App/App.csproj /src/App/\nCOPY Lib/Lib.csproj /src/Lib/\nCOPY Directory.Packages.props NuGet.config ./\nRUN dotnet restore App/App.csproj\nCOPY . .\n",
            FixSafety.Safe, "App/App.csproj => <Project><ItemGroup><ProjectReference Include=\"..\\Lib\\Lib.csproj\" /></ItemGroup></Project>",
            "Lib/Lib.csproj", "Other/Other.csproj", "Directory.Packages.props", "NuGet.config", "App/Program.cs"),
        Row("dotnet publish restores implicitly (exec form)",
            "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /src\nCOPY . .\nRUN [\"dotnet\", \"publish\", \"-c\", \"Release\", \"-r\", \"linux-x64\", \"-o\", \"/out\"]\n",
            "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /src\nCOPY app.csproj ./\nRUN dotnet restore -r linux-x64\nCOPY . .\nRUN [\"dotnet\", \"publish\", \"-c\", \"Release\", \"-r\", \"linux-x64\", \"-o\", \"/out\"]\n",
            FixSafety.Unsafe, "app.csproj", "Program.cs"),
        Row("bundler with the gemspec a gemspec line needs",
            "FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n",
            "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock mygem.gemspec ./\nRUN bundle install\nCOPY . .\n",
            FixSafety.Safe, "Gemfile => source 'https://rubygems.org'\ngemspec\n", "Gemfile.lock", "mygem.gemspec", "lib/mygem.rb"),
        Row("composer install without --no-scripts",
            "FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n",
            "FROM composer:2\nWORKDIR /app\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev --no-scripts --no-autoloader\nCOPY . .\nRUN composer install --no-dev\n",
            FixSafety.Unsafe, "composer.json", "composer.lock", "src/Kernel.php"),
        Row("mix deps.get with config/ as a needed folder",
            "FROM elixir:1.17\nWORKDIR /app\nCOPY mix.exs mix.lock ./\nCOPY config config\nCOPY lib lib\nRUN mix do deps.get, deps.compile\n",
            "FROM elixir:1.17\nWORKDIR /app\nCOPY mix.exs mix.lock ./\nCOPY config config\nRUN mix do deps.get, deps.compile\nCOPY lib lib\n",
            FixSafety.Safe, "mix.exs", "mix.lock", "config/config.exs", "lib/app.ex"),
        Row("mix deps.get copies config/ with the manifests",
            "FROM elixir:1.17\nWORKDIR /app\nCOPY . .\nRUN mix deps.get --only prod\n",
            "FROM elixir:1.17\nWORKDIR /app\nCOPY mix.exs mix.lock ./\nCOPY config/ /app/config/\nRUN mix deps.get --only prod\nCOPY . .\n",
            FixSafety.Safe, "mix.exs", "mix.lock", "config/config.exs", "lib/app.ex"),
        Row("cargo --manifest-path into a member",
            "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release --manifest-path server/Cargo.toml\n",
            "FROM rust:1.80\nWORKDIR /app\nCOPY server/Cargo.toml /app/server/\nRUN cd /app/server && mkdir -p src && touch src/main.rs && cargo fetch && rm src/main.rs\nCOPY . .\nRUN cargo build --release --manifest-path server/Cargo.toml\n",
            FixSafety.Unsafe, "server/Cargo.toml", "server/src/main.rs"),
        Row("composer --working-dir",
            "FROM composer:2\nCOPY . /srv\nRUN composer install --working-dir=/srv/api --no-scripts\n",
            "FROM composer:2\nCOPY api/composer.json api/composer.lock /srv/api/\nRUN composer install --working-dir=/srv/api --no-scripts\nCOPY . /srv\n",
            FixSafety.Safe, "api/composer.json", "api/composer.lock", "api/src/A.php"),
        Row("uv --project",
            "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN uv sync --project backend --no-install-project\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY backend/pyproject.toml backend/uv.lock /app/backend/\nRUN uv sync --project backend --no-install-project\nCOPY . .\n",
            FixSafety.Safe, "backend/pyproject.toml", "backend/uv.lock", "backend/app/main.py"),
        Row("pnpm -C",
            "FROM node:22\nWORKDIR /app\nCOPY web web\nRUN pnpm -C web install --frozen-lockfile\n",
            "FROM node:22\nWORKDIR /app\nCOPY web/package.json web/pnpm-lock.yaml /app/web/\nRUN pnpm -C web install --frozen-lockfile\nCOPY web web\n",
            FixSafety.Safe, "web/package.json", "web/pnpm-lock.yaml", "web/src/main.ts"),
        Row("dart pub get",
            "FROM dart:stable\nWORKDIR /app\nCOPY . .\nRUN dart pub get\n",
            "FROM dart:stable\nWORKDIR /app\nCOPY pubspec.yaml pubspec.lock ./\nRUN dart pub get\nCOPY . .\n",
            FixSafety.Safe, "pubspec.yaml", "pubspec.lock", "bin/server.dart"),
        Row("swift build resolves first",
            "FROM swift:6.0\nWORKDIR /build\nCOPY . .\nRUN swift build -c release\n",
            "FROM swift:6.0\nWORKDIR /build\nCOPY Package.swift Package.resolved ./\nRUN swift package resolve\nCOPY . .\nRUN swift build -c release\n",
            FixSafety.Unsafe, "Package.swift", "Package.resolved", "Sources/App/main.swift"),
        Row("renv restore",
            "FROM rocker/r-ver:4.4\nWORKDIR /app\nCOPY . .\nRUN Rscript -e 'renv::restore()'\n",
            "FROM rocker/r-ver:4.4\nWORKDIR /app\nCOPY renv.lock ./\nCOPY renv/activate.R /app/renv/\nRUN Rscript -e 'renv::restore()'\nCOPY . .\n",
            FixSafety.Safe, "renv.lock", "renv/activate.R", "app.R"),
        Row("stack --only-dependencies",
            "FROM haskell:9.6\nWORKDIR /app\nCOPY . .\nRUN stack build\n",
            "FROM haskell:9.6\nWORKDIR /app\nCOPY stack.yaml stack.yaml.lock package.yaml ./\nRUN stack build --only-dependencies\nCOPY . .\nRUN stack build\n",
            FixSafety.Unsafe, "stack.yaml", "stack.yaml.lock", "package.yaml", "src/Lib.hs"),
        Row("heredoc install",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN <<EOF\nnpm ci\nEOF\n",
            "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN <<EOF\nnpm ci\nEOF\nCOPY . .\n",
            FixSafety.Safe, "package.json", "package-lock.json", "index.js"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fires_fixes_and_the_fix_is_quiet(Case row)
    {
        var analysis = AnalyzeOnDisk(row.Busting, row.Files);
        var finding = Assert.Single(analysis.Findings, f => f.RuleId == "DLC001");
        var fix = Assert.Single(finding.Fixes);
        Assert.Equal(row.Safety, fix.Safety);
        Assert.Equal(row.Safety == FixSafety.Safe, fix.IsPreferred);
        var fixedText = Fix(analysis, includeUnsafe: true);
        Assert.Equal(row.Fixed, fixedText);
        if (row.Safety == FixSafety.Unsafe) Assert.Equal(row.Busting, Fix(analysis));
        Assert.Empty(AnalyzeOnDisk(fixedText, row.Files).Findings);
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Theory]
    [InlineData("vendored Go modules", "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n", "go.mod", "vendor/modules.txt", "main.go")]
    [InlineData("-mod=vendor", "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -mod=vendor -o /app .\n", "go.mod", "main.go")]
    [InlineData("uv bind-mounted manifests", "FROM python:3.12\nWORKDIR /app\nRUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project\nCOPY . /app\nRUN uv sync --locked\n", "pyproject.toml", "uv.lock", "app.py")]
    [InlineData("cargo-chef planner and cook", "FROM rust AS chef\nRUN cargo install cargo-chef\nWORKDIR /app\nFROM chef AS planner\nCOPY . .\nRUN cargo chef prepare --recipe-path recipe.json\nFROM chef AS builder\nCOPY --from=planner /app/recipe.json recipe.json\nRUN cargo chef cook --release --recipe-path recipe.json\nCOPY . .\nRUN cargo build --release\n", "Cargo.toml", "Cargo.lock", "src/main.rs")]
    [InlineData("install in a parent stage, source in a child, re-checked", "FROM node:22 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM deps AS build\nCOPY . .\nRUN npm install && npm run build\n", "package.json", "package-lock.json", "index.js")]
    [InlineData("pip install . needs the source", "FROM python:3.12\nCOPY . .\nRUN pip install --no-cache-dir .\n", "pyproject.toml", "app.py")]
    [InlineData("dotnet publish --no-restore after restore", "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /src\nCOPY *.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish --no-restore -o /app\n", "app.csproj", "Program.cs")]
    [InlineData("poetry --no-root then project", "FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n", "pyproject.toml", "poetry.lock", "app.py")]
    [InlineData("composer scripts after the source", "FROM composer:2\nWORKDIR /app\nCOPY composer.json composer.lock ./\nRUN composer install --no-scripts --no-autoloader\nCOPY . .\nRUN composer dump-autoload --optimize\n", "composer.json", "composer.lock", "src/A.php")]
    [InlineData("go install of a remote tool", "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go install golang.org/x/tools/cmd/stringer@latest\n", "go.mod", "main.go")]
    [InlineData("cargo install from the registry", "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo install cargo-watch\n", "Cargo.toml", "src/main.rs")]
    [InlineData("mix do with a compile task", "FROM elixir:1.17\nWORKDIR /app\nCOPY mix.exs mix.lock ./\nRUN mix deps.get\nCOPY . .\nRUN mix do deps.get, compile\n", "mix.exs", "mix.lock", "lib/a.ex")]
    public void Stays_quiet(string name, string dockerfile, params string[] files)
    {
        Assert.NotNull(name);
        Assert.Empty(AnalyzeOnDisk(dockerfile, files).Findings);
    }

    [Fact]
    public void A_bind_mount_of_another_folder_does_not_hide_the_bust()
        => Assert.Single(AnalyzeOnDisk("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN --mount=type=bind,source=wheels,target=/wheels pip install -r requirements.txt\n", "requirements.txt", "app.py", "wheels/a.whl").Findings);

    [Fact]
    public void A_needed_folder_copied_before_the_install_is_named_but_not_reported_alone()
    {
        var files = new[] { "package.json => {\"workspaces\": [\"lib\"]}", "package-lock.json", "lib/package.json", "lib/index.js", "src/app.js" };
        Assert.Empty(AnalyzeOnDisk("FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY lib lib\nRUN npm ci\nCOPY src src\n", files).Findings);
        var finding = Assert.Single(AnalyzeOnDisk("FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY lib lib\nCOPY src src\nRUN npm ci\n", files).Findings);
        Assert.Contains("copied on line 4 (lib)", finding.Message);
    }

    [Fact]
    public void Cache_mount_lowers_the_severity_and_says_why()
    {
        var analysis = AnalyzeOnDisk("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci\n", "package.json", "package-lock.json", "index.js");
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(FindingSeverity.Information, finding.Severity);
        Assert.Contains("cache mount", finding.Message);
    }

    [Fact]
    public void Bind_mount_of_the_whole_context_is_reported()
    {
        var analysis = AnalyzeOnDisk("FROM python:3.12\nWORKDIR /app\nRUN --mount=type=bind,source=.,target=/app pip install -r requirements.txt\n", "requirements.txt", "app.py");
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains("bind-mounts the whole build context", finding.Message);
    }

    [Fact]
    public void Source_folder_copy_counts_and_the_run_that_needs_it_moves_too()
    {
        var analysis = AnalyzeOnDisk("""
            FROM elixir:1.17
            WORKDIR /app
            COPY assets assets
            RUN cd assets && npm run build
            COPY mix.exs mix.lock ./
            RUN mix deps.get
            """.ReplaceLineEndings("\n"), "mix.exs", "mix.lock", "assets/app.js", "assets/package.json");
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("3:1", Where(analysis, finding.Span));
        Assert.Equal(FixSafety.Unsafe, Assert.Single(finding.Fixes).Safety);
        Assert.Equal("FROM elixir:1.17\nWORKDIR /app\nCOPY mix.exs mix.lock ./\nRUN mix deps.get\nCOPY assets assets\nRUN cd assets && npm run build", Fix(analysis, includeUnsafe: true));
        Assert.Empty(FixInvariants.Check(analysis));
    }
}
