using System.Xml;
using IncidentHub.Core.Common;

namespace IncidentHub.Tests.Core.Common;

public sealed class XmlSafeTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\tnew\nline\r\n", "tab\tnew\nline\r\n")]
    [InlineData("line\vbreak", "line\nbreak")]
    [InlineData("page\fbreak", "page\nbreak")]
    [InlineData("nul\u0000 bell\u0007 esc\u001b end", "nul bell esc end")]
    [InlineData("not\uFFFEa\uFFFFchar", "notachar")]
    [InlineData("emoji 😀 kept", "emoji 😀 kept")]
    [InlineData("del\u007f and c1\u0085 kept", "del\u007f and c1\u0085 kept")]
    public void Clean_KeepsWhatXmlAllows_AndRemovesOrReplacesTheRest(string text, string expected)
    {
        Assert.Equal(expected, XmlSafeText.Clean(text));
        Assert.True(XmlSafeText.IsClean(XmlSafeText.Clean(text)));
        // The proof: an XML writer that checks characters accepts it.
        using var writer = XmlWriter.Create(new System.Text.StringBuilder(), new XmlWriterSettings { CheckCharacters = true });
        writer.WriteElementString("t", XmlSafeText.Clean(text));
    }

    [Fact]
    public void Clean_RemovesUnpairedSurrogates_AndKeepsPairs()
    {
        var text = "lone " + (char)0xD83D + " high, lone " + (char)0xDE00 + " low, pair " + (char)0xD83D + (char)0xDE00;

        Assert.Equal("lone  high, lone  low, pair \U0001F600", XmlSafeText.Clean(text));
    }

    [Fact]
    public void Clean_ReturnsTheSameInstance_WhenThereIsNothingToDo()
    {
        var text = "Nothing to clean here.";

        Assert.Same(text, XmlSafeText.Clean(text));
    }
}
