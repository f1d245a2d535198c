using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using IncidentHub.Web.Live;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A bUnit context for IncidentHub components: MudBlazor, a signed-in person, the viewer's clock cascaded like the
/// layout does, and Core's real services on a real database (from a <see cref="ServiceHarness"/>).
/// </summary>
public sealed class ComponentHarness : IAsyncDisposable
{
    private ComponentHarness(ServiceHarness services)
    {
        Core = services;
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Auth = Context.AddAuthorization();
        var registrations = Context.Services;
        registrations.AddMudServices();
        registrations.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        registrations.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        registrations.AddSingleton<TimeProvider>(services.Time);
        registrations.AddScoped<CurrentUser>();
        registrations.AddScoped<UiFeedback>();
        registrations.AddSingleton<LiveIncidentFeed>();
        foreach (var type in CoreServiceTypes)
        {
            registrations.AddSingleton(type, _ => services.Services.GetRequiredService(type));
        }

        Clock = new ViewerClock(services.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Context.RenderTree.Add<CascadingValue<ViewerClock>>(p => p.Add(c => c.Value, Clock));
    }

    /// <summary>Components here load from a real database; bUnit's one-second default wait is too short on a busy CI machine.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    static ComponentHarness() => BunitContext.DefaultWaitTimeout = Wait;

    public BunitContext Context { get; } = new();

    public ServiceHarness Core { get; }

    public BunitAuthorizationContext Auth { get; }

    public ViewerClock Clock { get; }

    private static readonly Type[] CoreServiceTypes =
    [
        typeof(IncidentService), typeof(IncidentQueries), typeof(IncidentHub.Core.Users.DirectoryQueries),
        typeof(IncidentHub.Core.Updates.UpdateService), typeof(IncidentHub.Core.Timeline.TimelineService),
        typeof(IncidentHub.Core.Actions.ActionService), typeof(IncidentHub.Core.Roles.RoleAssignmentService),
        typeof(IncidentHub.Core.Reminders.ReminderService), typeof(IncidentHub.Core.Notifications.NotificationService),
        typeof(IncidentHub.Core.Severities.SeverityService), typeof(IncidentHub.Core.StatusPage.PublicationService), typeof(IncidentHub.Core.Resolution.ClosingService), typeof(IncidentHub.Core.Resolution.ReopeningService),
        typeof(IncidentHub.Core.StatusPage.PublicationQueries), typeof(IncidentHub.Core.Board.BoardQueries),
        typeof(IncidentHub.Core.Similar.SimilarIncidentQueries), typeof(IncidentHub.Core.PostIncident.PostIncidentTaskService),
        typeof(IncidentHub.Core.Roles.RoleDefinitionService),
        typeof(IncidentHub.Core.Similar.NotRelatedService),
        typeof(IncidentHub.Core.StatusPage.StatusComponentService),
        typeof(IncidentHub.Core.FollowUps.Digest.FollowUpDigestService),
        typeof(IncidentHub.Core.IncidentTypes.IncidentTypeService),
    ];

    public static ComponentHarness Create(TestDatabase database) => new(new ServiceHarness(database));

    /// <summary>Signs the person in, with the same claims the app's cookie carries.</summary>
    public void SignInAs(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // bUnit rebuilds the principal on every call: roles first, then the claims, or the claims are lost.
        Auth.SetAuthorized(actor.DisplayName);
        Auth.SetRoles(actor.Role.ToString());
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId), new Claim(IncidentHubClaims.DisplayName, actor.DisplayName));
    }

    /// <summary>Renders the providers dialogs and menus need, then shows a dialog through the real dialog service.</summary>
    public async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowDialogAsync<TDialog>(string title, DialogParameters? parameters = null)
        where TDialog : IComponent
    {
        Context.Render<MudPopoverProvider>();
        var provider = Context.Render<MudDialogProvider>();
        var service = Context.Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await service.ShowAsync<TDialog>(title, parameters ?? []));
        return (provider, reference!);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Core.DisposeAsync();
    }
}
