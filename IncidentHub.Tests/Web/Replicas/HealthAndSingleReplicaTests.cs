using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Live;
using IncidentHub.Web.StatusPage;

namespace IncidentHub.Tests.Web.Replicas;

/// <summary>
/// Without <c>Redis:Configuration</c> the app is one process exactly as before (the in-process feeds and cache, no
/// Redis check); <c>/healthz</c> reports the job server either way.
/// </summary>
public sealed class HealthAndSingleReplicaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> HealthAsync(AppFactory app) =>
        await app.AnonymousClient().GetStringAsync(new Uri("/healthz", UriKind.Relative), Ct);

    [Fact]
    public async Task WithoutRedis_ThePortsAreTheInProcessOnes_AndHealthHasNoRedisCheck()
    {
        await using var app = new AppFactory();

        Assert.IsType<LiveIncidentFeed>(app.Get<IIncidentChangeFeed>());
        Assert.IsType<LiveNotificationFeed>(app.Get<INotificationFeed>());
        Assert.IsType<OutputCachedStatusPage>(app.Get<IStatusPageCache>());
        Assert.DoesNotContain("redis", await HealthAsync(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAJobServer_HealthSaysJobsAreHealthy()
    {
        await using var app = new AppFactory();

        await Eventually.TrueAsync(async () => (await HealthAsync(app)).Contains("\"jobs\":\"Healthy\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the job server has reported in");
    }

    [Fact]
    public async Task WithNoJobServerAnywhere_HealthSaysJobsAreDegraded_ButStillAnswers200()
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var response = await app.AnonymousClient().GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"jobs\":\"Degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("\"database\":\"Healthy\"", body, StringComparison.Ordinal);
    }
}
