using System.Net;
using IncidentHub.Core.Common;
using IncidentHub.Core.Users;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Web;

/// <summary>
/// The first-run form over HTTP, as an attacker would post it: without the set-up code, with a wrong one, and many
/// times at once on a fresh database. Runs on SQLite, and on SQL Server when one is configured.
/// </summary>
public abstract class SetupFormTests(TestDatabase database) : IAsyncLifetime
{
    private AppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database.SkipIfUnavailable();
        await database.ResetAsync();
        _app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:IncidentHub"] = database.ConnectionString,
        });
    }

    [Fact]
    public async Task Setup_RacedByParallelPosts_CreatesExactlyOneAdmin_AndTellsTheOthersItIsSetUp()
    {
        var client = _app.AnonymousClient();
        var token = HttpSignIn.AntiforgeryTokenIn(await client.GetStringAsync(new Uri("/setup", UriKind.Relative), Ct));

        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(n =>
            PostAsync(client, token, AppFactory.SetupCode, $"mallory{n}@example.com")));

        Assert.Equal(1, await CountAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(1, await CountAsync(db => db.Users.CountAsync(u => u.Role == AppRole.Admin, Ct)));
        Assert.Single(answers, a => a.Location == "/welcome");
        // The others get the ordinary answer for a finished installation: the message, or the way to sign in.
        Assert.All(answers.Where(a => a.Location != "/welcome"), a =>
            Assert.True(a.Location == "/account/login" || a.Body.Contains(UserAccountService.AlreadySetUp, StringComparison.Ordinal),
                $"{a.Status} {a.Location}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("WRONG-CODE-123")]
    public async Task Setup_WithoutTheCodeOrWithAWrongOne_CreatesNothing_AndSaysWhereTheCodeIs(string code)
    {
        var client = _app.AnonymousClient();
        var token = HttpSignIn.AntiforgeryTokenIn(await client.GetStringAsync(new Uri("/setup", UriKind.Relative), Ct));

        var answer = await PostAsync(client, token, code, "mallory@example.com");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(code.Length == 0 ? "Enter the set-up code from the console" : "printed in the console where IncidentHub started", answer.Body, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(0, await CountAsync(db => db.Installation.CountAsync(Ct)));
    }

    [Fact]
    public async Task Setup_WithTheCode_CreatesTheAdmin_AndTheCodeIsUselessAfterwards()
    {
        var client = _app.AnonymousClient();
        var token = HttpSignIn.AntiforgeryTokenIn(await client.GetStringAsync(new Uri("/setup", UriKind.Relative), Ct));

        var first = await PostAsync(client, token, AppFactory.SetupCode.ToLowerInvariant(), "ada@example.com");
        var stranger = _app.AnonymousClient();
        var again = await stranger.GetAsync(new Uri("/setup", UriKind.Relative), Ct);

        Assert.Equal("/welcome", first.Location);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.Get<UserAccountService>().CreateFirstAdminAsync(new FirstRunForm
        {
            SetupCode = AppFactory.SetupCode, DisplayName = "Mallory", Email = "mallory@example.com",
            Password = AppFactory.Password, ConfirmPassword = AppFactory.Password,
        }, _app.Get<FirstRunCode>().Code, Ct));
        Assert.Equal(UserAccountService.AlreadySetUp, ex.Message);
        Assert.Equal(1, await CountAsync(db => db.Users.CountAsync(Ct)));
    }

    private static async Task<(HttpStatusCode Status, string? Location, string Body)> PostAsync(HttpClient client, string token, string code, string email)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.SetupCode"] = code,
            ["Input.DisplayName"] = "Mallory " + email,
            ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.Password,
            ["Input.ConfirmPassword"] = AppFactory.Password,
        });
        var response = await client.PostAsync(new Uri("/setup", UriKind.Relative), form, Ct);
        var location = response.Headers.Location is { } l ? new Uri(new Uri("http://localhost"), l).AbsolutePath : null;
        return (response.StatusCode, location, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<int> CountAsync(Func<IncidentHub.Core.Data.IncidentHubDbContext, Task<int>> query)
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SetupFormTests_Sqlite(SqliteTestDatabase database) : SetupFormTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class SetupFormTests_SqlServer(SqlServerTestDatabase database) : SetupFormTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class SetupFormTests_PostgreSql(PostgreSqlTestDatabase database) : SetupFormTests(database), IClassFixture<PostgreSqlTestDatabase>;
