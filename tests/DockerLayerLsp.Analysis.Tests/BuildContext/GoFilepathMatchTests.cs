using DockerLayerLsp.Analysis.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.BuildContext;

/// <summary>The behaviour Go documents for filepath.Match (BuildKit's COPY wildcard matcher).</summary>
public sealed class GoFilepathMatchTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "ab/c", false)]
    [InlineData("a*/b", "abc/b", true)]
    [InlineData("a*/b", "a/c/b", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzy", false)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[^b-d]", "abc", false)]
    [InlineData("ab[^e-g]", "abc", true)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "ab", false)]
    [InlineData("a?b", "a☺b", true)]
    [InlineData("a[^a]b", "a☺b", true)]
    [InlineData("a???b", "a☺b", false)]
    [InlineData("a[^a][^a][^a]b", "a☺b", false)]
    [InlineData("[a-ζ]*", "α", true)]
    [InlineData("*[a-ζ]", "A", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a*b", "a/b", false)]
    [InlineData(@"[\]a]", "]", true)]
    [InlineData(@"[\-]", "-", true)]
    [InlineData(@"[x\-]", "x", true)]
    [InlineData(@"[x\-]", "-", true)]
    [InlineData(@"[x\-]", "z", false)]
    [InlineData(@"[\-x]", "x", true)]
    [InlineData(@"[\-x]", "-", true)]
    [InlineData(@"[\-x]", "a", false)]
    [InlineData("*x", "xxx", true)]
    [InlineData("a?😀", "ab😀", true)]
    public void Matches_like_Go(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, GoFilepathMatch.Match(pattern, name, out var bad));
        Assert.False(bad);
    }

    [Theory]
    [InlineData("[]a]", "]")]
    [InlineData("[-]", "-")]
    [InlineData("[x-]", "x")]
    [InlineData("[-x]", "x")]
    [InlineData(@"\", "a")]
    [InlineData("[a-b-c]", "a")]
    [InlineData("[", "a")]
    [InlineData("[^", "a")]
    [InlineData("[^bc", "a")]
    [InlineData("a[", "a")]
    [InlineData("a[", "ab")]
    [InlineData("a[", "x")]
    [InlineData("a/b[", "x")]
    [InlineData("*x[", "ab")]
    public void Reports_bad_patterns_like_Go(string pattern, string name)
    {
        Assert.False(GoFilepathMatch.Match(pattern, name, out var bad));
        Assert.True(bad);
        Assert.False(GoFilepathMatch.IsValid(pattern));
    }
}
