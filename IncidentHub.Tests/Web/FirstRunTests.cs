using System.Net;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Tests.Web;

public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/incidents")]
    [InlineData("/account/login")]
    public async Task BeforeSetup_EveryPageLeadsToSetup(string path)
    {
        var client = _app.AnonymousClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BeforeSetup_HealthStillAnswers()
    {
        var client = _app.AnonymousClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AfterSetup_SetupPageSendsPeopleToSignIn()
    {
        await _app.CompleteSetupAsync();
        var client = _app.AnonymousClient();

        var response = await client.GetAsync(new Uri("/setup", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task OnAFreshInstall_TheConsoleSaysWhereToGoAndWhichCodeToEnter_AndTheCodeWorks()
    {
        var log = new RecordingLoggerProvider();
        await using var app = new AppFactory(
            settings: new Dictionary<string, string?>
            {
                ["IncidentHub:SetupCode"] = "",
                ["IncidentHub:PublicUrl"] = "https://incidents.example.com",
                ["Logging:LogLevel:IncidentHub"] = "Information",
            },
            services: s => s.AddSingleton<ILoggerProvider>(log));
        _ = app.Server;

        var code = app.Get<FirstRunCode>().Code;
        await Eventually.TrueAsync(() => Task.FromResult(log.Messages.Any(m => m.Contains(code, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(15), "the set-up code is in the log");

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains($"open https://incidents.example.com/setup and enter the set-up code {code}", log.Messages.Single(m => m.Contains(code, StringComparison.Ordinal)), StringComparison.Ordinal);
        var admin = await app.Get<IncidentHub.Core.Users.UserAccountService>().CreateFirstAdminAsync(new IncidentHub.Core.Users.FirstRunForm
        {
            SetupCode = code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(),
            DisplayName = "Ada", Email = "ada@example.com", Password = AppFactory.Password, ConfirmPassword = AppFactory.Password,
        }, code, TestContext.Current.CancellationToken);
        Assert.Equal(IncidentHub.Core.Common.AppRole.Admin, admin.Role);
    }

    [Fact]
    public async Task OnceSetUp_TheConsoleShowsNoCode()
    {
        var path = AppFactory.NewDatabasePath();
        try
        {
            await using (var first = new AppFactory(databasePath: path))
            {
                await first.CompleteSetupAsync();
            }

            var log = new RecordingLoggerProvider();
            await using var restarted = new AppFactory(
                databasePath: path,
                settings: new Dictionary<string, string?> { ["IncidentHub:SetupCode"] = "", ["Logging:LogLevel:IncidentHub"] = "Debug" },
                services: s => s.AddSingleton<ILoggerProvider>(log));
            _ = restarted.Server;

            await Eventually.TrueAsync(() => Task.FromResult(log.Messages.Any(m => m.StartsWith("IncidentHub is set up", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(15), "the restarted app has looked");
            Assert.DoesNotContain(log.Messages, m => m.Contains("set-up code", StringComparison.Ordinal));
        }
        finally
        {
            AppFactory.DeleteDatabase(path);
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
