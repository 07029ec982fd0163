using static DockerLayerLsp.Analysis.Tests.Support.ExternalTool;
using System.Diagnostics;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>
/// A fix's added step must find what it reads where it reads it: project arguments relative to the folder it runs in,
/// the files a manifest pulls in (a parent POM, buildSrc/, what a gemspec requires), and none that the source COPY
/// leaves out (<c>--exclude</c>). Where a real tool is installed, the step runs against the files the fix copies.
/// </summary>
public class DependencyStepFilesTests
{
    // ------------------------------------------------------------------ project arguments and the folder the step runs in

    private static readonly string[] DotnetSolution =
    [
        "src/Api/Api.csproj => <Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include=\"..\\Lib\\Lib.csproj\" /></ItemGroup></Project>",
        "src/Api/Program.cs => class P { static void Main() {} }",
        "src/Lib/Lib.csproj => <Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>",
        "Directory.Build.props => <Project></Project>",
        "NuGet.config => <configuration></configuration>",
    ];

    private const string DotnetPublish = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /source\nCOPY . .\nRUN dotnet publish src/Api/Api.csproj -c Release -o /app\n";

    [Fact]
    public void Dotnet_restore_names_the_project_as_the_install_does_without_cd()
    {
        var step = StepLine(AnalyzeOnDisk(DotnetPublish, DotnetSolution), "dotnet restore");
        Assert.Equal("RUN dotnet restore src/Api/Api.csproj", step);
    }

    [Fact]
    public void Dotnet_restore_of_a_project_folder_keeps_the_folder()
        => Assert.Equal("RUN dotnet restore src/Api",
            StepLine(AnalyzeOnDisk("FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /source\nCOPY . .\nRUN dotnet publish src/Api -o /app\n", DotnetSolution), "dotnet restore"));

    [SkippableFact]
    public void Dotnet_restore_step_runs_for_real_on_the_copied_manifests()
    {
        Skip.If(!OnPath("dotnet"), "dotnet is not installed: the restore step is not run for real");
        var analysis = AnalyzeOnDisk(DotnetPublish, DotnetSolution);
        Assert.Empty(FixInvariants.Check(analysis));
        RunStep(analysis, DotnetSolution, "dotnet restore", command => command + " --ignore-failed-sources -nologo");
    }

    [Fact]
    public void Maven_wrapper_runs_where_the_install_ran_and_keeps_its_file_flag()
        => Assert.Equal("RUN ./mvnw -B dependency:go-offline -f web/build.xml",
            StepLine(AnalyzeOnDisk("FROM eclipse-temurin:21\nWORKDIR /b\nCOPY . .\nRUN ./mvnw -B -f web/build.xml package\n", "mvnw", "web/build.xml => <project/>", "web/src/A.java"), "go-offline"));

    [Fact]
    public void Gradle_wrapper_keeps_its_project_dir_flag()
        => Assert.Equal("RUN ./gradlew dependencies --no-daemon -p app",
            StepLine(AnalyzeOnDisk("FROM eclipse-temurin:21\nWORKDIR /w\nCOPY . .\nRUN ./gradlew -p app build\n", "gradlew", "app/build.gradle.kts", "app/settings.gradle.kts", "app/src/A.kt"), "dependencies"));

    [Fact]
    public void Poetry_directory_flag_is_not_applied_twice()
        => Assert.Equal("RUN poetry install -C api --no-root",
            StepLine(AnalyzeOnDisk("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install -C api\n", "api/pyproject.toml", "api/poetry.lock", "api/app.py"), "--no-root"));

    [Fact]
    public void Cargo_still_runs_in_the_manifest_folder()
        => Assert.StartsWith("RUN cd /app/server && ",
            StepLine(AnalyzeOnDisk("FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --manifest-path server/Cargo.toml\n", "server/Cargo.toml", "server/src/main.rs"), "cargo fetch"));

    // ------------------------------------------------------------------ COPY --exclude

    [Fact]
    public void A_manifest_the_source_copy_excludes_is_not_copied_back()
    {
        const string dockerfile = "# syntax=docker/dockerfile:1.7-labs\nFROM node:20\nWORKDIR /app\nCOPY --exclude=package-lock.json . .\nRUN npm install\n";
        var analysis = Analyze(dockerfile, "package.json", "package-lock.json", "index.js", "scripts/prep.sh");
        var finding = Assert.Single(analysis.Findings);
        Assert.DoesNotContain("package-lock.json first", finding.Message);
        Assert.Equal("# syntax=docker/dockerfile:1.7-labs\nFROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY --exclude=package-lock.json . .\n", Fix(analysis));
    }

    [Fact]
    public void Exclude_patterns_are_relative_to_the_source_folder()
    {
        const string dockerfile = "FROM node:20\nWORKDIR /app\nCOPY --exclude=*.lock --exclude=package-lock.json web/ ./\nRUN yarn install\n";
        var fixedText = Fix(Analyze(dockerfile, "web/package.json", "web/yarn.lock", "web/index.js", "package-lock.json"));
        Assert.Equal("FROM node:20\nWORKDIR /app\nCOPY web/package.json ./\nRUN yarn install\nCOPY --exclude=*.lock --exclude=package-lock.json web/ ./\n", fixedText);
    }

    [Fact]
    public void An_exclude_that_misses_the_manifests_changes_nothing()
        => Assert.Equal("FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY --exclude=docs . .\n",
            Fix(Analyze("FROM node:20\nWORKDIR /app\nCOPY --exclude=docs . .\nRUN npm ci\n", "package.json", "package-lock.json", "docs/a.md", "index.js")));

    // ------------------------------------------------------------------ Maven parent POM

    private static readonly string[] MavenParent =
    [
        "pom.xml => <project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>p</artifactId><version>1</version><packaging>pom</packaging>\n<modules><module>core</module><module>web</module></modules></project>",
        "web/pom.xml => <project><modelVersion>4.0.0</modelVersion><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent><artifactId>web</artifactId></project>",
        "core/pom.xml => <project><modelVersion>4.0.0</modelVersion><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent><artifactId>core</artifactId></project>",
        ".mvn/jvm.config => -Xmx1g",
        "web/src/main/java/A.java",
    ];

    private const string MavenWeb = "FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /build\nCOPY . .\nRUN mvn -B -f web/pom.xml package\n";

    [Fact]
    public void Maven_copies_the_parent_pom_a_module_inherits_from()
    {
        var fixedText = Fix(AnalyzeOnDisk(MavenWeb, MavenParent), includeUnsafe: true);
        Assert.Contains("COPY web/pom.xml /build/web/\n", fixedText);
        Assert.Contains("COPY pom.xml ./\n", fixedText);
        Assert.Contains("RUN mvn -B dependency:go-offline -f web/pom.xml\nCOPY . .\n", fixedText);
    }

    [Fact]
    public void Maven_parent_from_the_repository_is_not_copied()
    {
        var files = MavenParent.Select(f => f.StartsWith("web/pom.xml", StringComparison.Ordinal) ? f.Replace("</version></parent>", "</version><relativePath/></parent>", StringComparison.Ordinal) : f).ToArray();
        var fixedText = Fix(AnalyzeOnDisk(MavenWeb, files), includeUnsafe: true);
        Assert.DoesNotContain("COPY pom.xml", fixedText);
        Assert.Contains("COPY web/pom.xml /build/web/\n", fixedText);
    }

    [SkippableFact]
    public void Maven_reads_the_copied_module_and_parent_for_real()
    {
        Skip.If(!OnPath("mvn"), "mvn is not installed: the POMs the fix copies are not read by real Maven");
        var analysis = AnalyzeOnDisk(MavenWeb, MavenParent);
        Assert.Empty(FixInvariants.Check(analysis));
        // go-offline downloads plugins; offline `validate` builds the same project model (parent included) without them.
        RunStep(analysis, MavenParent, "go-offline", command => command.Replace("dependency:go-offline", "-o -q validate", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ Gradle buildSrc and subprojects

    private static readonly string[] GradleBuild =
    [
        "build.gradle.kts => plugins { java }", "settings.gradle.kts => rootProject.name = \"x\"\ninclude(\"app\", \"libs:core\")\n", "gradlew",
        "gradle.properties", "app/build.gradle.kts", "libs/core/build.gradle.kts", "buildSrc/build.gradle.kts => plugins { `kotlin-dsl` }",
        "buildSrc/src/main/kotlin/conventions.gradle.kts", "gradle/wrapper/gradle-wrapper.properties", "app/src/main/java/A.java",
    ];

    [Fact]
    public void Gradle_copies_buildSrc_and_resolves_every_included_project()
    {
        var fixedText = Fix(AnalyzeOnDisk("FROM eclipse-temurin:21-jdk\nWORKDIR /workspace\nCOPY . .\nRUN ./gradlew bootJar --no-daemon\n", GradleBuild), includeUnsafe: true);
        Assert.Contains("COPY buildSrc/ /workspace/buildSrc/\n", fixedText);
        Assert.Contains("COPY gradle/ /workspace/gradle/\n", fixedText);
        Assert.Contains("RUN ./gradlew dependencies :app:dependencies :libs:core:dependencies --no-daemon\nCOPY . .\n", fixedText);
        Assert.DoesNotContain("COPY app/src", fixedText);
    }

    [Fact]
    public void Gradle_settings_computing_its_projects_resolve_the_root_only()
    {
        var files = GradleBuild.Select(f => f.StartsWith("settings.gradle.kts", StringComparison.Ordinal) ? "settings.gradle.kts => listOf(\"app\").forEach { include(it) }" : f).ToArray();
        Assert.Equal("RUN ./gradlew dependencies --no-daemon",
            StepLine(AnalyzeOnDisk("FROM eclipse-temurin:21-jdk\nWORKDIR /workspace\nCOPY . .\nRUN ./gradlew build --no-daemon\n", files), "dependencies"));
    }

    // ------------------------------------------------------------------ what a gemspec loads

    private const string Bundle = "FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n";
    private const string GemfileWithGemspec = "Gemfile => source \"https://rubygems.org\"\ngemspec\n";

    [Fact]
    public void A_gemspec_require_relative_is_copied_with_it()
    {
        var analysis = AnalyzeOnDisk(Bundle, GemfileWithGemspec, "Gemfile.lock", "lib/foo.rb", "lib/foo/version.rb => module Foo; VERSION = \"1.0\"; end",
            "foo.gemspec => # frozen_string_literal: true\nrequire_relative \"lib/foo/version\"\nGem::Specification.new do |spec|\n  spec.version = Foo::VERSION\n  spec.files = `git ls-files -z`.split(\"\\x0\")\nend\n");
        Assert.Equal("FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock foo.gemspec ./\nCOPY lib/foo/version.rb /app/lib/foo/\nRUN bundle install\nCOPY . .\n", Fix(analysis));
    }

    [Fact]
    public void A_file_a_gemspec_reads_is_copied_with_it()
    {
        var analysis = AnalyzeOnDisk(Bundle, GemfileWithGemspec, "Gemfile.lock", "lib/a.rb", "VERSION => 1",
            "x.gemspec => Gem::Specification.new do |s| s.files = Dir[\"lib/**/*\"]; s.version = File.read(\"VERSION\").strip end");
        Assert.Equal("FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock x.gemspec VERSION ./\nRUN bundle install\nCOPY . .\n", Fix(analysis));
    }

    [Fact]
    public void A_gemspec_that_reads_a_computed_path_gets_no_fix()
    {
        var analysis = AnalyzeOnDisk(Bundle, GemfileWithGemspec, "Gemfile.lock", "lib/a.rb", "VERSION => 1",
            "x.gemspec => version_file = ENV.fetch(\"V\", \"VERSION\")\nGem::Specification.new do |s| s.version = File.read(version_file) end");
        var finding = Assert.Single(analysis.Findings);
        Assert.Empty(finding.Fixes);
        Assert.Contains("x.gemspec", finding.Message);
        Assert.Contains("No fix is offered", finding.Message);
    }

    // ------------------------------------------------------------------ helpers

    private static string StepLine(DocumentAnalysis analysis, string marker)
    {
        var fixedText = Fix(analysis, includeUnsafe: true);
        return Assert.Single(fixedText.Split('\n'), l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>Runs the fix's added step in a folder holding only the files the fix copies before it (the context
    /// mirrors the project folder: the broad COPY is <c>COPY . .</c>).</summary>
    private static void RunStep(DocumentAnalysis analysis, string[] files, string marker, Func<string, string> adapt)
    {
        var fixedText = Fix(analysis, includeUnsafe: true);
        var lines = fixedText.Split('\n');
        var step = Array.FindIndex(lines, l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal));
        Assert.True(step > 0, fixedText);
        var copied = lines.Take(step).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();
        var directory = Directory.CreateTempSubdirectory("dockerlayer-step-");
        try
        {
            foreach (var entry in files)
            {
                var arrow = entry.IndexOf(" => ", StringComparison.Ordinal);
                var path = arrow < 0 ? entry : entry[..arrow];
                if (!copied.Any(c => path == c || (c.EndsWith('/') && path.StartsWith(c, StringComparison.Ordinal)))) continue;
                var target = Path.Combine(directory.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, arrow < 0 ? "" : entry[(arrow + 4)..]);
            }
            var command = adapt(lines[step]["RUN ".Length..]);
            var (exit, output) = Run("sh", ["-c", command], directory.FullName);
            Assert.True(exit == 0, $"`{command}` failed ({exit}) with {string.Join(", ", copied)}:\n{output}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
