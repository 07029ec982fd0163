using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Tests.Model;

public class SemanticModelTests
{
    private static SemanticModel Build(string text) => SemanticModelBuilder.Build(SyntaxTree.Parse(text));

    [Fact]
    public void Stages_know_their_names_bases_and_parent_stage()
    {
        var model = Build("""
            ARG BASE=alpine:3.20
            FROM golang:1.23 AS build
            FROM ${BASE} AS runtime
            FROM build AS test
            FROM scratch
            """);
        Assert.Equal(["build", "runtime", "test", null], model.Stages.Select(s => s.Name));
        Assert.Equal("alpine:3.20", model.Stages[1].BaseImage);
        Assert.Equal(0, model.Stages[2].BaseStageIndex);
        Assert.Null(model.Stages[1].BaseStageIndex);
        Assert.True(model.Stages[3].IsScratch);
    }

    [Fact]
    public void Workdir_env_arg_and_user_are_tracked_per_instruction_and_inherited_by_child_stages()
    {
        var model = Build("""
            ARG APP=/srv
            FROM node:22 AS base
            ARG APP
            ENV HOME_DIR=$APP/home NODE_ENV=production
            WORKDIR ${APP}
            WORKDIR app
            USER node
            COPY package.json ./
            FROM base
            RUN npm ci
            """);
        var copy = Assert.IsType<CopyModel>(model.Stages[0].Instructions.Last());
        Assert.Equal("/srv/app", copy.WorkingDirectory);
        Assert.Equal("node", copy.User);
        Assert.Equal("/srv/home", copy.Variables["HOME_DIR"].Value);
        Assert.Equal("/srv/app/", copy.Destination + "/");
        var run = Assert.IsType<RunModel>(model.Stages[1].Instructions.Single());
        Assert.Equal("/srv/app", run.WorkingDirectory);
        Assert.Equal("production", run.Variables["NODE_ENV"].Value);
        Assert.False(run.Variables.ContainsKey("APP")); // ARGs are not inherited by child stages
    }

    [Fact]
    public void Copy_sources_are_classified_and_destination_resolved()
    {
        var model = Build("""
            FROM alpine
            WORKDIR /app
            COPY --from=build /out/app bin/
            ADD https://example.com/x.tgz /tmp/
            COPY <<EOF config.ini
            [x]
            EOF
            COPY ["src dir/", "./src/"]
            """);
        var copies = model.Stages[0].Instructions.OfType<CopyModel>().ToList();
        Assert.Equal(CopySourceKind.OtherStage, copies[0].Sources[0].Kind);
        Assert.Equal("build", copies[0].From);
        Assert.Equal("/app/bin", copies[0].Destination);
        Assert.True(copies[0].DestinationIsDirectory);
        Assert.Equal(CopySourceKind.Remote, copies[1].Sources[0].Kind);
        Assert.Equal(CopySourceKind.Heredoc, copies[2].Sources[0].Kind);
        Assert.Equal("/app/config.ini", copies[2].Destination);
        Assert.Equal("src dir/", copies[3].Sources[0].Path);
        Assert.Equal("/app/src", copies[3].Destination);
    }

    [Fact]
    public void Run_commands_are_split_with_cd_sh_c_env_prefixes_heredocs_and_mounts()
    {
        var model = Build("""
            FROM node:22
            WORKDIR /app
            RUN --mount=type=cache,target=/root/.npm cd web && CI=1 npm ci; echo done | tee log
            RUN ["sh", "-c", "go mod download && go build ./..."]
            RUN <<EOF
            set -e
            pip install -r requirements.txt
            EOF
            """);
        var runs = model.Stages[0].Instructions.OfType<RunModel>().ToList();
        Assert.Equal(["cd", "npm", "echo", "tee"], runs[0].Commands.Select(c => c.Program));
        var npm = runs[0].Commands[1];
        Assert.Equal("/app/web", npm.WorkingDirectory);
        Assert.Equal("1", npm.Environment["CI"]);
        var mount = Assert.Single(runs[0].Mounts);
        Assert.Equal("cache", mount.Type);
        Assert.Equal("/root/.npm", mount.Target);
        Assert.Equal(["go", "go"], runs[1].Commands.Select(c => c.Program));
        Assert.Equal(["set", "pip"], runs[2].Commands.Select(c => c.Program));
    }
}
