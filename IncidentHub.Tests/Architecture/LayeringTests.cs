using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Web.Slack;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace IncidentHub.Tests.Architecture;

/// <summary>
/// The layers, checked on the compiled assemblies: Core knows nothing of hosting, MudBlazor, Hangfire or Slack;
/// components never hold a database context; the Slack adapter maps and talks, and reaches data through Core only.
/// One fact per rule, the failing types named in the message.
/// </summary>
public sealed class LayeringTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Incident).Assembly;
    private static readonly System.Reflection.Assembly Web = typeof(SlackOptions).Assembly;

    /// <summary>ASP.NET Core hosting and the web stack (Identity's stores are allowed: Core keeps the user tables).</summary>
    private static readonly string[] Hosting =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Authentication", "Microsoft.Extensions.Hosting",
    ];

    private static readonly string[] DatabaseContexts =
    [
        typeof(IncidentHubDbContext).FullName!, "Microsoft.EntityFrameworkCore.IDbContextFactory`1", "Microsoft.EntityFrameworkCore.DbContext",
        "IncidentHub.Web.Data.WebDbContext",
    ];

    private static void AssertHolds(NetArchTest.Rules.TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}. Breaking it: {string.Join(", ", result.FailingTypeNames ?? [])}");

    [Fact]
    public void Core_DoesNotReference_AspNetCoreHosting() =>
        AssertHolds(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(Hosting).GetResult(), "Core must not reference ASP.NET Core hosting");

    [Fact]
    public void Core_DoesNotReference_MudBlazor() =>
        AssertHolds(Types.InAssembly(Core).ShouldNot().HaveDependencyOn("MudBlazor").GetResult(), "Core must not reference MudBlazor");

    [Fact]
    public void Core_DoesNotReference_Hangfire() =>
        AssertHolds(Types.InAssembly(Core).ShouldNot().HaveDependencyOn("Hangfire").GetResult(), "Core must not reference Hangfire");

    [Fact]
    public void Core_DoesNotReference_TheSlackAdapter_OrAnySlackLibrary() =>
        AssertHolds(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("IncidentHub.Web", "SlackNet", "SlackAPI", "Slack.").GetResult(),
            "Core must not reference Slack types");

    [Fact]
    public void Core_HasNoSlackTypes()
    {
        var slackTypes = Core.GetTypes().Where(t => t.Name.StartsWith("Slack", StringComparison.Ordinal)).Select(t => t.FullName).ToList();

        Assert.True(slackTypes.Count == 0, $"Core must not hold Slack types. Breaking it: {string.Join(", ", slackTypes)}");
    }

    [Fact]
    public void Components_DoNotInject_ADbContext_OrItsFactory() =>
        AssertHolds(Types.InAssembly(Web).That().Inherit(typeof(ComponentBase)).ShouldNot().HaveDependencyOnAny(DatabaseContexts).GetResult(),
            "Components must load through Core services, never a DbContext or a DbContext factory");

    [Fact]
    public void TheSlackAdapter_DoesNotReference_TheDbContext() =>
        AssertHolds(Types.InAssembly(Web).That().ResideInNamespaceStartingWith("IncidentHub.Web.Slack").ShouldNot().HaveDependencyOnAny(DatabaseContexts).GetResult(),
            "IncidentHub.Web/Slack must reach data through Core services, never the DbContext");

    /// <summary>The rules can fail: pointed at Web, which hosts, renders with MudBlazor and runs Hangfire, they do.</summary>
    [Fact]
    public void TheRules_CatchAViolation()
    {
        Assert.False(Types.InAssembly(Web).ShouldNot().HaveDependencyOnAny(Hosting).GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Web).ShouldNot().HaveDependencyOn("MudBlazor").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Web).ShouldNot().HaveDependencyOn("Hangfire").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Web).That().ResideInNamespaceStartingWith("IncidentHub.Web.Data").ShouldNot().HaveDependencyOnAny(DatabaseContexts).GetResult().IsSuccessful);
    }
}
