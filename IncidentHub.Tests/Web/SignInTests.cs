using System.Net;
using System.Text.RegularExpressions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Users;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Web;

/// <summary>
/// Sign-in as an attacker tries it: guessing which accounts exist, hammering one account, flooding the form; and what
/// the owner still can do meanwhile.
/// </summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private const string Attacker = "203.0.113.7";
    private const string Owner = "198.51.100.20";

    private readonly CountingPasswordHasher _hasher = new();
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private AppFactory _app = null!;
    private TestUser _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = NewApp();
        _admin = await _app.CompleteSetupAsync();
    }

    private AppFactory NewApp(IReadOnlyDictionary<string, string?>? settings = null) => new(
        time: _time,
        settings: settings,
        services: s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>>(_hasher)));

    [Fact]
    public async Task UnknownEmail_AndWrongPassword_GetTheSameMessage_AndEachVerifiesOnePassword()
    {
        var before = _hasher.Verified;
        var unknown = await ErrorOfAsync(await _app.ClientFrom("192.0.2.1").PostSignInAsync("nobody@test.incidenthub", "some-guess-123"));
        var afterUnknown = _hasher.Verified;
        var wrong = await ErrorOfAsync(await _app.ClientFrom("192.0.2.2").PostSignInAsync(_admin.Email, "some-guess-123"));

        Assert.Equal(PasswordCheck.NoMatch, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, _hasher.Verified - afterUnknown);
    }

    [Fact]
    public async Task AFailedSignIn_KeepsTheEmail_ButNeverEchoesThePasswordIntoThePage()
    {
        var response = await _app.ClientFrom(Owner).PostSignInAsync(_admin.Email, "my-secret-typo-42");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains(_admin.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain("my-secret-typo-42", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHammeredAccount_SlowsDownTheAttackersAddress_WhileTheOwnerSignsIn()
    {
        var attacker = _app.ClientFrom(Attacker);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(PasswordCheck.NoMatch, await ErrorOfAsync(await attacker.PostSignInAsync(_admin.Email, $"guess-number-{i}")));
        }

        var hashed = _hasher.Verified;
        var refused = await ErrorOfAsync(await attacker.PostSignInAsync(_admin.Email, "guess-number-6"));
        var hashedWhenRefused = _hasher.Verified;
        var owner = await _app.ClientFrom(Owner).PostSignInAsync(_admin.Email, _admin.Password);

        Assert.Equal("Too many failed sign-ins for this email from your network. Try again in 2 seconds.", refused);
        Assert.Equal(hashed, hashedWhenRefused);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task EvenAfterManyWrongPasswords_TheAccountIsNeverLocked()
    {
        var attacker = _app.ClientFrom(Attacker);
        for (var i = 0; i < 20; i++)
        {
            await attacker.PostSignInAsync(_admin.Email, $"guess-number-{i}");
            _time.Advance(SignInThrottle.MaxDelay);
        }

        var fromElsewhere = await _app.ClientFrom(Owner).PostSignInAsync(_admin.Email, _admin.Password);
        // The delay is per email and address, so it also ends for the attacker's address: nothing stays locked.
        var fromTheSameAddress = await attacker.PostSignInAsync(_admin.Email, _admin.Password);

        Assert.Equal(HttpStatusCode.Redirect, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fromTheSameAddress.StatusCode);
    }

    [Fact]
    public async Task UnknownEmails_AreSlowedDownExactlyLikeRealOnes()
    {
        var attacker = _app.ClientFrom(Attacker);
        for (var i = 0; i < 5; i++)
        {
            await attacker.PostSignInAsync("nobody@test.incidenthub", $"guess-number-{i}");
        }

        Assert.StartsWith("Too many failed sign-ins", await ErrorOfAsync(await attacker.PostSignInAsync("nobody@test.incidenthub", "again-123456")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPosts_OverThePerAddressLimit_Get429WithRetryAfter_OtherAddressesDoNot()
    {
        await using var app = NewApp(Limits(perAddress: 20, overall: 300));
        await app.CompleteSetupAsync();
        var flooder = app.ClientFrom(Attacker);
        var token = HttpSignIn.AntiforgeryTokenIn(await flooder.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            answers.Add((await PostRawAsync(flooder, token, $"person{i}@test.incidenthub")).StatusCode);
        }

        var last = await PostRawAsync(flooder, token, "another@test.incidenthub");
        var someoneElse = await app.ClientFrom(Owner).PostSignInAsync("nobody@test.incidenthub", "a-guess-12345");

        Assert.All(answers.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[20]);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many sign-in attempts", await last.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    [Fact]
    public async Task SignInPosts_OverTheOverallLimit_Get429_FromAnyAddress()
    {
        await using var app = NewApp(Limits(perAddress: 5, overall: 8));
        await app.CompleteSetupAsync();
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.ClientFrom($"192.0.2.{i + 1}").PostSignInAsync("nobody@test.incidenthub", "a-guess-12345")).StatusCode);
        }

        var next = await app.ClientFrom("192.0.2.200").PostSignInAsync("nobody@test.incidenthub", "a-guess-12345");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }

    [Fact]
    public async Task KeepMeSignedIn_IsOffByDefault_AndThenTheCookieEndsWithTheBrowser()
    {
        var page = await _app.AnonymousClient().GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);
        var plain = await _app.ClientFrom(Owner).PostSignInAsync(_admin.Email, _admin.Password);
        var kept = await _app.ClientFrom(Owner).PostSignInAsync(_admin.Email, _admin.Password, keepSignedIn: true);

        Assert.Matches("<input[^>]*id=\"remember\"", page);
        Assert.DoesNotMatch("<input[^>]*id=\"remember\"[^>]*checked", page);
        Assert.Contains("Keep me signed in on this device for 14 days", page, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", AuthCookie(plain), StringComparison.OrdinalIgnoreCase);
        var expires = DateTimeOffset.Parse(ExpiresIn().Match(AuthCookie(kept)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((_time.GetUtcNow() + TimeSpan.FromDays(14)).ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), 1.0);
    }

    [Fact]
    public async Task AKeptSession_EndsThirtyDaysAfterSignIn_HoweverActive()
    {
        var client = _app.ClientFrom(Owner);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync(_admin.Email, _admin.Password, keepSignedIn: true)).StatusCode);

        for (var day = 5; day < 30; day += 5)
        {
            _time.Advance(TimeSpan.FromDays(5));
            var visit = await client.GetAsync(new Uri("/incidents", UriKind.Relative), Ct);
            Assert.True(visit.StatusCode == HttpStatusCode.OK, $"Signed out on day {day}: {visit.StatusCode} {visit.Headers.Location}");
        }

        _time.Advance(TimeSpan.FromDays(5));
        var after = await client.GetAsync(new Uri("/incidents", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task ASessionWithoutKeepMeSignedIn_EndsAfterEightIdleHours()
    {
        var client = _app.ClientFrom(Owner);
        await client.PostSignInAsync(_admin.Email, _admin.Password);

        _time.Advance(TimeSpan.FromHours(7));
        var stillIn = await client.GetAsync(new Uri("/incidents", UriKind.Relative), Ct);
        _time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var idle = await client.GetAsync(new Uri("/incidents", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
    }

    private static Dictionary<string, string?> Limits(int perAddress, int overall) => new()
    {
        ["RateLimits:SignInPerAddressPerMinute"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:SignInPerMinute"] = overall.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string token, string email)
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = "a-guess-12345",
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), body, Ct);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var match = LoginError().Match(html);
        Assert.True(match.Success, "No sign-in error on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("IncidentHub.Auth=", StringComparison.Ordinal));

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();

    [GeneratedRegex("expires=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiresIn();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
