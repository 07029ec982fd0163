using DockerLayerLsp.Analysis.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.BuildContext;

/// <summary>Go's path.Clean behaviour, which Docker applies to patterns and COPY sources.</summary>
public sealed class ContextPathTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("abc", "abc")]
    [InlineData("abc/def", "abc/def")]
    [InlineData(".", ".")]
    [InlineData("..", "..")]
    [InlineData("../..", "../..")]
    [InlineData("../../abc", "../../abc")]
    [InlineData("/abc", "/abc")]
    [InlineData("/", "/")]
    [InlineData("abc/", "abc")]
    [InlineData("./", ".")]
    [InlineData("../", "..")]
    [InlineData("/abc/", "/abc")]
    [InlineData("abc//def//ghi", "abc/def/ghi")]
    [InlineData("//abc", "/abc")]
    [InlineData("///abc", "/abc")]
    [InlineData("//abc//", "/abc")]
    [InlineData("abc/./def", "abc/def")]
    [InlineData("/./abc/def", "/abc/def")]
    [InlineData("abc/.", "abc")]
    [InlineData("abc/def/ghi/../jkl", "abc/def/jkl")]
    [InlineData("abc/def/../ghi/../jkl", "abc/jkl")]
    [InlineData("abc/def/..", "abc")]
    [InlineData("abc/def/../..", ".")]
    [InlineData("/abc/def/../..", "/")]
    [InlineData("abc/def/../../..", "..")]
    [InlineData("/abc/def/../../..", "/")]
    [InlineData("abc/def/../../../ghi/jkl/../../../mno", "../../mno")]
    [InlineData("abc/./../def", "def")]
    [InlineData("abc/../../././../def", "../../def")]
    [InlineData(".hidden/..x/x..", ".hidden/..x/x..")]
    [InlineData("!./a", "!./a")]
    public void Clean_matches_Go(string path, string expected) => Assert.Equal(expected, ContextPath.Clean(path));

    [Theory]
    [InlineData("./go.mod", "go.mod")]
    [InlineData("/go.mod", "go.mod")]
    [InlineData("../../go.mod", "go.mod")]
    [InlineData(".", "")]
    [InlineData("/", "")]
    [InlineData("src/", "src")]
    public void Caller_paths_are_clamped_inside_the_context(string path, string expected) =>
        Assert.Equal(expected, ContextPath.ToContextRelative(path));
}
