using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Hover;

/// <summary>One-paragraph documentation of each instruction, focused on what it means for the build cache.</summary>
public static class InstructionDocs
{
    private static readonly Dictionary<InstructionKind, string> Docs = new()
    {
        [InstructionKind.From] = "**FROM** starts a build stage from a base image or an earlier stage. Changing the base image (or its digest) invalidates every layer of the stage.",
        [InstructionKind.Run] = "**RUN** executes a command in a new layer. Its cache key is the command text plus every earlier layer: it re-runs when the text or anything before it changes, not when the files it reads change on their own.",
        [InstructionKind.Copy] = "**COPY** adds files from the build context (or `--from` another stage) in a new layer. Its cache key includes a checksum of every copied file, so editing any of them invalidates this layer and all later ones.",
        [InstructionKind.Add] = "**ADD** is COPY that can also fetch URLs and git repositories and extract local archives. Prefer COPY for local files; the cache key includes the checksum of the content.",
        [InstructionKind.Workdir] = "**WORKDIR** sets the working directory for later RUN, CMD, ENTRYPOINT, COPY and ADD. Changing it invalidates later layers.",
        [InstructionKind.Env] = "**ENV** sets environment variables for later instructions and the running container. A changed value invalidates every later layer.",
        [InstructionKind.Arg] = "**ARG** declares a build argument. A RUN that follows is invalidated when the argument's value changes (it becomes part of the RUN's environment).",
        [InstructionKind.Label] = "**LABEL** adds metadata to the image. Metadata only; it still invalidates later layers when changed.",
        [InstructionKind.Expose] = "**EXPOSE** documents the ports the container listens on. Metadata only.",
        [InstructionKind.User] = "**USER** sets the user for later RUN, CMD and ENTRYPOINT. Changing it invalidates later layers.",
        [InstructionKind.Cmd] = "**CMD** sets the default command of the container. Metadata only: it adds no filesystem layer.",
        [InstructionKind.Entrypoint] = "**ENTRYPOINT** sets the executable the container runs. Metadata only.",
        [InstructionKind.Volume] = "**VOLUME** declares a mount point. Changes a RUN makes to it afterwards are discarded.",
        [InstructionKind.Shell] = "**SHELL** sets the shell used by shell-form RUN, CMD and ENTRYPOINT.",
        [InstructionKind.Healthcheck] = "**HEALTHCHECK** tells the runtime how to check that the container still works. Metadata only.",
        [InstructionKind.Stopsignal] = "**STOPSIGNAL** sets the signal that stops the container. Metadata only.",
        [InstructionKind.Onbuild] = "**ONBUILD** registers an instruction that runs when another build uses this image as its base.",
        [InstructionKind.Maintainer] = "**MAINTAINER** is deprecated; use `LABEL org.opencontainers.image.authors=...`.",
    };

    public static string? For(InstructionKind kind) => Docs.GetValueOrDefault(kind);

    /// <summary>Instructions that add a filesystem layer (the rest only change image metadata).</summary>
    public static bool CreatesLayer(InstructionKind kind) => kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add;
}
