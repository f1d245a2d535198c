using IncidentHub.Web.Slack;

namespace IncidentHub.Tests.Web.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("1665102338.901939", 1665102338, 9_019_390)]
    [InlineData("1665102338.000000", 1665102338, 0)]
    [InlineData("1665102338", 1665102338, 0)]
    [InlineData("1665102338.5", 1665102338, 5_000_000)]
    public void Ts_IsReadToTheMicrosecond(string ts, long seconds, long ticks)
    {
        Assert.True(SlackText.TryParseTs(ts, out var instant));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks), instant);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1.000000")]
    [InlineData("1665102338.90193x")]
    [InlineData("1665102338.12345678")]
    [InlineData("99999999999999.000000")]
    public void Ts_Unreadable_IsRefused(string? ts) => Assert.False(SlackText.TryParseTs(ts, out _));

    [Fact]
    public void Ts_RoundTrips()
    {
        Assert.True(SlackText.TryParseTs("1665102338.901939", out var instant));
        Assert.Equal("1665102338.901939", SlackText.FormatTs(instant));
    }

    [Theory]
    [InlineData("a &lt;b&gt; &amp; c", "a <b> & c")]
    [InlineData("ask <@U123> and <@U456|sam>", "ask @Uma Chen and @sam")]
    [InlineData("see <#C123|inc-1-db> and <!here>", "see #inc-1-db and @here")]
    [InlineData("logs at <https://grafana.example/d/1|the dashboard>", "logs at the dashboard (https://grafana.example/d/1)")]
    [InlineData("<https://status.example>", "https://status.example")]
    [InlineData("<!subteam^S123|@oncall> paged", "@@oncall paged")]
    public void ToPlain_ReadsLikeThePersonWroteIt(string mrkdwn, string expected) =>
        Assert.Equal(expected, SlackText.ToPlain(mrkdwn, new Dictionary<string, string> { ["U123"] = "Uma Chen" }));

    [Fact]
    public void Escape_EscapesWhatSlackAsks() => Assert.Equal("&lt;script&gt; &amp;&amp; &lt;@nope&gt;", SlackText.Escape("<script> && <@nope>"));

    [Theory]
    [InlineData(12, "Checkout failing", "inc-12-checkout-failing")]
    [InlineData(3, "  Search: 500s on /api/v2 (EU) ", "inc-3-search-500s-on-api-v2-eu")]
    [InlineData(7, "Café déjà vu", "inc-7-cafe-deja-vu")]
    [InlineData(8, "!!!", "inc-8")]
    [InlineData(9, "数据库", "inc-9")]
    public void ChannelName_IsIncNumberSlug(int number, string name, string expected) =>
        Assert.Equal(expected, SlackText.ChannelName(number, name));

    [Fact]
    public void ChannelName_FitsSlacksEightyCharacters_EvenWithASuffix()
    {
        var name = SlackText.ChannelName(12345, new string('x', 200) + " tail", "-2");

        Assert.Equal(80, name.Length);
        Assert.StartsWith("inc-12345-xxx", name, StringComparison.Ordinal);
        Assert.EndsWith("x-2", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_AreReadFromEscapedCommandText()
    {
        Assert.Equal(["U123", "W456"], SlackText.Mentions("Scribe <@U123|sam> and <@W456>"));
        Assert.Equal("Communications Lead", SlackText.WithoutMentions("Communications Lead <@U123|sam>"));
        Assert.Empty(SlackText.Mentions("@sam"));
    }
}
