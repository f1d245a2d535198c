using IncidentHub.Core.Chat;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using IncidentHub.Web.Slack;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/slack: is Slack connected, what it lacks, what to paste where, and what waits to go out.</summary>
public sealed partial class SlackSettings
{
    private SlackConnection? _connection;
    private IReadOnlyList<ChatOutboxView>? _outbox;
    private ChatOutboxSummary? _outboxSummary;
    private ChatInboxSummary? _inbox;
    private IReadOnlyList<SlackNotice> _notices = [];
    private bool _busy;

    [CascadingParameter]
    public ViewerClock Clock { get; set; } = default!;

    [Inject]
    public required SlackAdmin Admin { get; init; }

    [Inject]
    public required ChatOutboxService Outbox { get; init; }

    [Inject]
    public required ChatInboxService Inbox { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime Js { get; init; }

    private string BaseUrl => string.IsNullOrWhiteSpace(Admin.Options.PublicUrl) ? Navigation.BaseUri : Admin.Options.PublicUrl;

    private string Manifest => SlackAdmin.Manifest(BaseUrl);

    protected override async Task OnInitializedAsync()
    {
        await Feedback.RunAsync(async () =>
        {
            _connection = await Admin.CheckAsync(CancellationToken.None);
            _notices = await Admin.NoticesAsync(CancellationToken.None);
        });
        _connection ??= new SlackConnection(Admin.IsConfigured, false, null, null, null, "The connection could not be checked.", []);
        if (Admin.IsConfigured)
        {
            await LoadQueuesAsync();
        }
    }

    private async Task LoadQueuesAsync()
    {
        await Feedback.RunAsync(async () =>
        {
            _outbox = await Outbox.ListOpenAsync();
            _outboxSummary = await Outbox.SummaryAsync();
            _inbox = await Inbox.SummaryAsync();
        });
    }

    private async Task SendTestAsync()
    {
        _busy = true;
        await Feedback.RunAsync(
            async () => await Admin.SendTestMessageAsync(await CurrentUser.GetActorAsync(), CancellationToken.None),
            success: "Test message queued for the announcements channel. It shows below until Slack accepts it.");
        _busy = false;
        await LoadQueuesAsync();
    }

    private async Task RetryAsync(ChatOutboxView item)
    {
        _busy = true;
        await Feedback.RunAsync(async () => await Admin.RetryAsync(await CurrentUser.GetActorAsync(), item.Id, CancellationToken.None), success: "Retrying.");
        _busy = false;
        await LoadQueuesAsync();
    }

    private async Task RetryEventAsync(ChatInboxFailure failure)
    {
        _busy = true;
        await Feedback.RunAsync(async () => await Admin.RetryEventAsync(await CurrentUser.GetActorAsync(), failure.Id, CancellationToken.None), success: "Retrying.");
        _busy = false;
        await LoadQueuesAsync();
    }

    private async Task CopyAsync(string text)
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", text);
            Feedback.Info("Copied.");
        }
        catch (JSException)
        {
            Feedback.Info("Your browser did not allow copying: select the text and copy it instead.");
        }
    }
}
