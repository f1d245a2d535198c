using System.Text;
using IncidentHub.Web.Slack;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>Slack's request signature, checked against Slack's own published example (SLACK.md) with a fake clock.</summary>
public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.FromUnixTimeSeconds(1531420618));

    private static SignatureCheck Check(string? timestamp = Timestamp, string? signature = Signature, byte[]? body = null, DateTimeOffset? now = null, string secret = Secret) =>
        SlackSignature.Verify(secret, timestamp, signature, body ?? Body, now ?? Clock.GetUtcNow());

    [Fact]
    public void SlacksPublishedExample_IsValid_AtItsTimestamp() => Assert.Equal(SignatureCheck.Valid, Check());

    [Fact]
    public void Sign_ReproducesSlacksPublishedSignature() => Assert.Equal(Signature, SlackSignature.Sign(Secret, Timestamp, Body));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void AtTheEdgeOfTheFiveMinuteWindow_IsStillValid(int seconds) =>
        Assert.Equal(SignatureCheck.Valid, Check(now: Clock.GetUtcNow() + TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86_400)]
    public void MoreThanFiveMinutesFromNow_EitherWay_IsStale(int seconds) =>
        Assert.Equal(SignatureCheck.Stale, Check(now: Clock.GetUtcNow() + TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void ABodyChangedByOneByte_IsInvalid()
    {
        var tampered = (byte[])Body.Clone();
        tampered[^1] ^= 1;

        Assert.Equal(SignatureCheck.Invalid, Check(body: tampered));
    }

    [Theory]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=")]
    public void AnyOtherSignature_IsInvalid(string signature) => Assert.Equal(SignatureCheck.Invalid, Check(signature: signature));

    [Fact]
    public void AnotherSecret_IsInvalid() => Assert.Equal(SignatureCheck.Invalid, Check(secret: "not-the-secret"));

    [Fact]
    public void ATimestampOtherThanTheSignedOne_IsInvalid() =>
        Assert.Equal(SignatureCheck.Invalid, Check(timestamp: "1531420619", now: Clock.GetUtcNow()));

    [Theory]
    [InlineData(null, Signature)]
    [InlineData("", Signature)]
    [InlineData(Timestamp, null)]
    [InlineData(Timestamp, "")]
    public void MissingHeaders_AreMissing(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.Missing, Check(timestamp, signature));

    [Theory]
    [InlineData("soon")]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("99999999999999999999")]
    public void AnUnreadableTimestamp_IsStale(string timestamp) => Assert.Equal(SignatureCheck.Stale, Check(timestamp: timestamp));
}
