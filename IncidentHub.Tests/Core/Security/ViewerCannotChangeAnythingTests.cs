using System.Reflection;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Access;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Core.Users;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Security;

/// <summary>
/// Every route into IncidentHub (browser, Slack, jobs) changes things through Core's services, so refusing a Viewer
/// there refuses them everywhere. Each operation is tried as a Viewer on an incident they hold no role on (someone
/// else's); nothing may change. Declaring is the one change every Viewer may make.
/// </summary>
public abstract class ViewerCannotChangeAnythingTests(TestDatabase database) : DatabaseTest(database)
{
    private delegate Task Attempt(ServiceHarness h, Actor viewer, Fixture f);

    private sealed record Fixture(DeclaredIncident Incident, int ActionId, long EntryId, int ScribeRoleId, Actor Responder, IncidentDetail Detail);

    private static readonly Dictionary<string, Attempt> Operations = new()
    {
        [$"{nameof(IncidentService)}.{nameof(IncidentService.ChangeStatusAsync)}"] = (h, v, f) =>
            h.Incidents.ChangeStatusAsync(v, f.Incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct),
        [$"{nameof(IncidentService)}.{nameof(IncidentService.ChangeSeverityAsync)}"] = (h, v, f) =>
            h.Incidents.ChangeSeverityAsync(v, f.Incident.Id, f.Detail.Severity.Id, f.Detail.Severity.Id + 1, Ct),
        [$"{nameof(IncidentService)}.{nameof(IncidentService.EditDetailsAsync)}"] = (h, v, f) =>
            h.Incidents.EditDetailsAsync(v, f.Incident.Id, f.Detail.Details, new EditIncidentDetailsRequest { Name = "Renamed" }, Ct),
        [$"{nameof(IncidentService)}.{nameof(IncidentService.ChangeAffectedServicesAsync)}"] = (h, v, f) =>
            h.Incidents.ChangeAffectedServicesAsync(v, f.Incident.Id, [], [], Ct),
        [$"{nameof(IncidentService)}.{nameof(IncidentService.CorrectTimestampAsync)}"] = (h, v, f) =>
            h.Incidents.CorrectTimestampAsync(v, f.Incident.Id, IncidentTimestamp.ImpactStarted, null, f.Detail.DeclaredAt - TimeSpan.FromMinutes(5), Ct),
        [$"{nameof(UpdateService)}.{nameof(UpdateService.PostUpdateAsync)}"] = (h, v, f) =>
            h.Updates.PostUpdateAsync(v, f.Incident.Id, new PostUpdateRequest { Message = "Not mine to say." }, Ct),
        [$"{nameof(TimelineService)}.{nameof(TimelineService.AddNoteAsync)}"] = (h, v, f) =>
            h.Timeline.AddNoteAsync(v, f.Incident.Id, new AddNoteRequest { Text = "Hi." }, Ct),
        [$"{nameof(TimelineService)}.{nameof(TimelineService.SetHighlightAsync)}"] = (h, v, f) =>
            h.Timeline.SetHighlightAsync(v, f.Incident.Id, f.EntryId, false, Ct),
        [$"{nameof(ActionService)}.{nameof(ActionService.AddAsync)}"] = (h, v, f) =>
            h.Actions.AddAsync(v, f.Incident.Id, new AddActionRequest { Title = "Mine" }, Ct),
        [$"{nameof(ActionService)}.{nameof(ActionService.ChangeStatusAsync)}"] = (h, v, f) =>
            h.Actions.ChangeStatusAsync(v, f.Incident.Id, f.ActionId, ActionStatus.Outstanding, ActionStatus.Done, Ct),
        [$"{nameof(ActionService)}.{nameof(ActionService.ChangeOwnerAsync)}"] = (h, v, f) =>
            h.Actions.ChangeOwnerAsync(v, f.Incident.Id, f.ActionId, null, f.Responder.UserId, Ct),
        [$"{nameof(RoleAssignmentService)}.{nameof(RoleAssignmentService.AssignAsync)}"] = (h, v, f) =>
            h.Roles.AssignAsync(v, f.Incident.Id, f.ScribeRoleId, f.Responder.UserId, null, Ct),
        [$"{nameof(RoleAssignmentService)}.{nameof(RoleAssignmentService.UnassignAsync)}"] = (h, v, f) =>
            h.Roles.UnassignAsync(v, f.Incident.Id, f.ScribeRoleId, f.Responder.UserId, Ct),
        [$"{nameof(RoleAssignmentService)}.{nameof(RoleAssignmentService.OfferLeadAsync)}"] = (h, v, f) =>
            h.Roles.OfferLeadAsync(v, f.Incident.Id, new OfferLeadRequest { UserId = f.Responder.UserId, Note = "Yours." }, f.Detail.LeadId, Ct),
        [$"{nameof(RoleAssignmentService)}.{nameof(RoleAssignmentService.AcceptLeadAsync)}"] = (h, v, f) =>
            h.Roles.AcceptLeadAsync(v, f.Incident.Id, f.Detail.LeadId, Ct),
        [$"{nameof(RoleAssignmentService)}.{nameof(RoleAssignmentService.WithdrawHandoverAsync)}"] = (h, v, f) =>
            h.Roles.WithdrawHandoverAsync(v, f.Incident.Id, f.Responder.UserId, Ct),
        [$"{nameof(SeverityService)}.{nameof(SeverityService.SaveAsync)}"] = (h, v, f) =>
            h.Severities.SaveAsync(v, new SeverityForm { Name = "Mine", Rank = 9 }, Ct),
        [$"{nameof(SeverityService)}.{nameof(SeverityService.SetArchivedAsync)}"] = (h, v, f) =>
            h.Severities.SetArchivedAsync(v, f.Detail.Severity.Id, true, Ct),
        [$"{nameof(RoleDefinitionService)}.{nameof(RoleDefinitionService.SaveAsync)}"] = (h, v, f) =>
            h.RoleDefinitions.SaveAsync(v, new RoleDefinitionForm { Name = "Mine" }, Ct),
        [$"{nameof(RoleDefinitionService)}.{nameof(RoleDefinitionService.SetArchivedAsync)}"] = (h, v, f) =>
            h.RoleDefinitions.SetArchivedAsync(v, f.ScribeRoleId, true, Ct),
        [$"{nameof(IncidentHub.Core.Users.SingleSignOn.SingleSignOnService)}.{nameof(IncidentHub.Core.Users.SingleSignOn.SingleSignOnService.SetPasswordSignInAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.Users.SingleSignOn.SingleSignOnService>().SetPasswordSignInAsync(v, allowed: false, Ct),
        [$"{nameof(IncidentHub.Core.Users.SingleSignOn.SingleSignOnService)}.{nameof(IncidentHub.Core.Users.SingleSignOn.SingleSignOnService.GetOverviewAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.Users.SingleSignOn.SingleSignOnService>().GetOverviewAsync(v, Ct),
        [$"{nameof(UserAccountService)}.{nameof(UserAccountService.CreateUserAsync)}"] = (h, v, f) =>
            h.Accounts.CreateUserAsync(v, new NewUserForm { DisplayName = "Eve", Email = "eve@example.test", Password = "long-enough-password" }, Ct),
        [$"{nameof(UserAccountService)}.{nameof(UserAccountService.ChangeRoleAsync)}"] = (h, v, f) =>
            h.Accounts.ChangeRoleAsync(v, v.UserId, AppRole.Admin, Ct),
        [$"{nameof(UserAccountService)}.{nameof(UserAccountService.SetActiveAsync)}"] = (h, v, f) =>
            h.Accounts.SetActiveAsync(v, f.Responder.UserId, false, Ct),
        [$"{nameof(UserAccountService)}.{nameof(UserAccountService.ResetPasswordAsync)}"] = (h, v, f) =>
            h.Accounts.ResetPasswordAsync(v, f.Responder.UserId, new ResetPasswordForm { Password = "another-long-password" }, Ct),
        [$"{nameof(IncidentHub.Core.Demo.DemoDataSeeder)}.{nameof(IncidentHub.Core.Demo.DemoDataSeeder.SeedAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.Demo.DemoDataSeeder>().SeedAsync(v, Ct),
        [$"{nameof(ReminderService)}.{nameof(ReminderService.SkipAsync)}"] = (h, v, f) =>
            h.Reminders.SkipAsync(v, f.Incident.Id, new SkipUpdateRequest { Reason = "Nothing new." }, Ct),
        [$"{nameof(ReminderService)}.{nameof(ReminderService.SnoozeAsync)}"] = (h, v, f) =>
            h.Reminders.SnoozeAsync(v, f.Incident.Id, 30, Ct),
        [$"{nameof(ReminderService)}.{nameof(ReminderService.ChangeCadenceAsync)}"] = (h, v, f) =>
            h.Reminders.ChangeCadenceAsync(v, f.Incident.Id, 10, Ct),
        [$"{nameof(ChatOutboxService)}.{nameof(ChatOutboxService.RetryAsync)}"] = (h, v, f) =>
            h.Get<ChatOutboxService>().RetryAsync(v, 1, Ct),
        [$"{nameof(ChatOutboxService)}.{nameof(ChatOutboxService.EnqueueTestMessageAsync)}"] = (h, v, f) =>
            h.Get<ChatOutboxService>().EnqueueTestMessageAsync(v, Ct),
        [$"{nameof(ChatInboxService)}.{nameof(ChatInboxService.RetryAsync)}"] = (h, v, f) =>
            h.Get<ChatInboxService>().RetryAsync(v, 1, Ct),
        [$"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.ChangeVisibilityAsync)}"] = (h, v, f) =>
            h.Access.ChangeVisibilityAsync(v, f.Incident.Id, IncidentHub.Core.Incidents.IncidentVisibility.Private, Ct),
        [$"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.InviteAsync)}"] = (h, v, f) =>
            h.Access.InviteAsync(v, f.Incident.Id, f.Responder.UserId, Ct),
        [$"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.DecideAsync)}"] = (h, v, f) =>
            h.Access.DecideAsync(v, f.Incident.Id, 1, true, Ct),
        [$"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.RemoveAccessAsync)}"] = (h, v, f) =>
            h.Access.RemoveAccessAsync(v, f.Incident.Id, f.Responder.UserId, Ct),
        [$"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.RevokeAsync)}"] = (h, v, f) =>
            h.Access.RevokeAsync(v, f.Incident.Id, 1, Ct),
        [$"{nameof(PublicationService)}.{nameof(PublicationService.SaveDraftAsync)}"] = (h, v, f) =>
            h.Publication.SaveDraftAsync(v, f.Incident.Id, new PublicNoticeForm { Title = "Down", Message = "We are looking." }, Ct),
        [$"{nameof(PublicationService)}.{nameof(PublicationService.PublishAsync)}"] = (h, v, f) =>
            h.Publication.PublishAsync(v, f.Incident.Id, new PublicNoticeForm { Title = "Down", Message = "We are looking." }, Ct),
        [$"{nameof(StatusComponentService)}.{nameof(StatusComponentService.SaveAsync)}"] = (h, v, f) =>
            h.StatusComponents.SaveAsync(v, new ComponentForm { Name = "API" }, Ct),
        [$"{nameof(StatusComponentService)}.{nameof(StatusComponentService.SetArchivedAsync)}"] = (h, v, f) =>
            h.StatusComponents.SetArchivedAsync(v, 1, true, Ct),
        [$"{nameof(StatusComponentService)}.{nameof(StatusComponentService.MoveAsync)}"] = (h, v, f) =>
            h.StatusComponents.MoveAsync(v, 1, 1, Ct),
        [$"{nameof(IncidentService)}.{nameof(IncidentService.ChangeTypeAsync)}"] = (h, v, f) =>
            h.Incidents.ChangeTypeAsync(v, f.Incident.Id, null, 1, Ct),
        [$"{nameof(IncidentHub.Core.IncidentTypes.IncidentTypeService)}.{nameof(IncidentHub.Core.IncidentTypes.IncidentTypeService.SaveAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.IncidentTypes.IncidentTypeService>().SaveAsync(v, new IncidentHub.Core.IncidentTypes.IncidentTypeForm { Name = "Security" }, Ct),
        [$"{nameof(IncidentHub.Core.IncidentTypes.IncidentTypeService)}.{nameof(IncidentHub.Core.IncidentTypes.IncidentTypeService.MakeDefaultAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.IncidentTypes.IncidentTypeService>().MakeDefaultAsync(v, 1, Ct),
        [$"{nameof(IncidentHub.Core.IncidentTypes.IncidentTypeService)}.{nameof(IncidentHub.Core.IncidentTypes.IncidentTypeService.SetArchivedAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.IncidentTypes.IncidentTypeService>().SetArchivedAsync(v, 1, true, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.StartAsync)}"] = (h, v, f) => h.Get<ReviewService>().StartAsync(v, f.Incident.Id, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.SaveSectionAsync)}"] = (h, v, f) =>
            h.Get<ReviewService>().SaveSectionAsync(v, f.Incident.Id, new SaveReviewSectionRequest { SectionId = 1, Body = "Mine" }, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.RequestReviewAsync)}"] = (h, v, f) =>
            h.Get<ReviewService>().RequestReviewAsync(v, f.Incident.Id, Guid.Empty, [f.Responder.UserId], Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.AnswerAsync)}"] = (h, v, f) =>
            h.Get<ReviewService>().AnswerAsync(v, f.Incident.Id, new AnswerReviewRequest { Verdict = ReviewVerdict.Approved }, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.PublishAsync)}"] = (h, v, f) => h.Get<ReviewService>().PublishAsync(v, f.Incident.Id, Guid.Empty, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.ReopenAsync)}"] = (h, v, f) =>
            h.Get<ReviewService>().ReopenAsync(v, f.Incident.Id, new ReopenReviewRequest { Reason = "Mine" }, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.StarKeyEventAsync)}"] = (h, v, f) =>
            h.Get<ReviewService>().StarKeyEventAsync(v, f.Incident.Id, 1, false, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.RewordKeyEventAsync)}"] = (h, v, f) =>
            h.Get<ReviewService>().RewordKeyEventAsync(v, f.Incident.Id, new RewordKeyEventRequest { EntryId = 1, Wording = "Mine" }, Ct),
        [$"{nameof(ReviewService)}.{nameof(ReviewService.ChangeOwnerAsync)}"] = (h, v, f) =>
            h.Get<ReviewService>().ChangeOwnerAsync(v, f.Incident.Id, Guid.Empty, v.UserId, Ct),
        [$"{nameof(ReviewTemplateService)}.{nameof(ReviewTemplateService.SaveAsync)}"] = (h, v, f) =>
            h.Get<ReviewTemplateService>().SaveAsync(v, new ReviewTemplateSectionForm { Name = "Mine" }, Ct),
        [$"{nameof(ReviewTemplateService)}.{nameof(ReviewTemplateService.MoveAsync)}"] = (h, v, f) => h.Get<ReviewTemplateService>().MoveAsync(v, 1, Guid.Empty, 1, Ct),
        [$"{nameof(ReviewTemplateService)}.{nameof(ReviewTemplateService.SetArchivedAsync)}"] = (h, v, f) => h.Get<ReviewTemplateService>().SetArchivedAsync(v, 1, true, Ct),
        [$"{nameof(IncidentHub.Core.Resolution.ClosingService)}.{nameof(IncidentHub.Core.Resolution.ClosingService.CloseAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.Resolution.ClosingService>().CloseAsync(v, f.Incident.Id, new IncidentHub.Core.Resolution.CloseIncidentRequest
            {
                Target = IncidentStatus.Resolved,
                ExpectedStatus = f.Detail.Status,
                Message = "Not mine to say.",
                Actions = [new IncidentHub.Core.Resolution.ActionDecision { ActionId = f.ActionId, Outcome = IncidentHub.Core.Resolution.ActionOutcome.MarkDone }],
            }, Ct),
        [$"{nameof(IncidentHub.Core.Resolution.ReopeningService)}.{nameof(IncidentHub.Core.Resolution.ReopeningService.ReopenAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.Resolution.ReopeningService>().ReopenAsync(v, f.Incident.Id, new IncidentHub.Core.Resolution.ReopenIncidentRequest
            {
                ExpectedStatus = f.Detail.Status,
                Message = "Not mine to say.",
            }, Ct),
        [$"{nameof(FollowUpService)}.{nameof(FollowUpService.AddAsync)}"] = (h, v, f) =>
            h.Get<FollowUpService>().AddAsync(v, f.Incident.Id, new AddFollowUpRequest { Title = "Mine" }, Ct),
        [$"{nameof(FollowUpService)}.{nameof(FollowUpService.KeepAsFollowUpAsync)}"] = (h, v, f) =>
            h.Get<FollowUpService>().KeepAsFollowUpAsync(v, f.Incident.Id, f.ActionId, cancellationToken: Ct),
        [$"{nameof(FollowUpService)}.{nameof(FollowUpService.PlanAsync)}"] = (h, v, f) =>
            h.Get<FollowUpService>().PlanAsync(v, f.Incident.Id, f.ActionId, new PlanFollowUpRequest(), Ct),
        [$"{nameof(FollowUpService)}.{nameof(FollowUpService.DropAsync)}"] = (h, v, f) =>
            h.Get<FollowUpService>().DropAsync(v, f.Incident.Id, f.ActionId, ActionStatus.Outstanding, "Mine", Ct),
        [$"{nameof(IncidentHub.Core.FollowUps.Digest.FollowUpDigestService)}.{nameof(IncidentHub.Core.FollowUps.Digest.FollowUpDigestService.SaveAsync)}"] = async (h, v, f) =>
            await h.Get<IncidentHub.Core.FollowUps.Digest.FollowUpDigestService>().SaveAsync(v, new IncidentHub.Core.FollowUps.Digest.FollowUpDigestForm
            {
                Day = DayOfWeek.Sunday, Hour = 3, Version = (await h.Get<IncidentHub.Core.FollowUps.Digest.FollowUpDigestService>().GetAsync(Ct)).Version,
            }, Ct),
        [$"{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService)}.{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService.SaveDefinitionAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.PostIncident.PostIncidentTaskService>().SaveDefinitionAsync(v, new IncidentHub.Core.PostIncident.PostIncidentTaskForm { Name = "Mine" }, Ct),
        [$"{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService)}.{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService.MoveDefinitionAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.PostIncident.PostIncidentTaskService>().MoveDefinitionAsync(v, 1, Guid.Empty, 1, Ct),
        [$"{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService)}.{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService.SetDefinitionArchivedAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.PostIncident.PostIncidentTaskService>().SetDefinitionArchivedAsync(v, 1, true, Ct),
        [$"{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService)}.{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService.SetDoneAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.PostIncident.PostIncidentTaskService>().SetDoneAsync(v, f.Incident.Id, 1, true, false, Ct),
        [$"{nameof(IncidentHub.Core.Similar.NotRelatedService)}.{nameof(IncidentHub.Core.Similar.NotRelatedService.MarkAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.Similar.NotRelatedService>().MarkAsync(v, f.Incident.Id, f.Incident.Number, Ct),
        [$"{nameof(IncidentHub.Core.Similar.NotRelatedService)}.{nameof(IncidentHub.Core.Similar.NotRelatedService.UndoAsync)}"] = (h, v, f) =>
            h.Get<IncidentHub.Core.Similar.NotRelatedService>().UndoAsync(v, f.Incident.Id, f.Incident.Number, Ct),
    };

    /// <summary>
    /// What a Viewer may do: declare (and then act on that incident: <c>ViewerDeclaresTests</c>), read what they may see (every query filters by viewer, attachments included), dismiss their
    /// own notifications, ask to see a private incident, be logged when they open one, and be told why they may not.
    /// </summary>
    private static readonly string[] AllowedForViewers =
    [
        $"{nameof(IncidentService)}.{nameof(IncidentService.DeclareAsync)}",
        $"{nameof(IncidentQueries)}.{nameof(IncidentQueries.GetActiveAsync)}",
        $"{nameof(IncidentQueries)}.{nameof(IncidentQueries.SearchAsync)}",
        $"{nameof(IncidentQueries)}.{nameof(IncidentQueries.GetDetailAsync)}",
        $"{nameof(IncidentQueries)}.{nameof(IncidentQueries.GetTimelineAsync)}",
        $"{nameof(IncidentHub.Core.Reviews.ReviewQueries)}.{nameof(IncidentHub.Core.Reviews.ReviewQueries.GetReviewAsync)}",
        $"{nameof(IncidentHub.Core.Reviews.ReviewQueries)}.{nameof(IncidentHub.Core.Reviews.ReviewQueries.GetDocumentAsync)}",
        $"{nameof(IncidentHub.Core.Reviews.ReviewQueries)}.{nameof(IncidentHub.Core.Reviews.ReviewQueries.GetKeyEventsAsync)}",
        $"{nameof(IncidentHub.Core.Reviews.ReviewQueries)}.{nameof(IncidentHub.Core.Reviews.ReviewQueries.BuildTimelineSectionAsync)}",
        $"{nameof(IncidentHub.Core.Learnings.LearningsQueries)}.{nameof(IncidentHub.Core.Learnings.LearningsQueries.SearchAsync)}",
        $"{nameof(FollowUpQueries)}.{nameof(FollowUpQueries.SearchAsync)}",
        $"{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService)}.{nameof(IncidentHub.Core.PostIncident.PostIncidentTaskService.ForIncidentAsync)}",
        $"{nameof(IncidentHub.Core.Resolution.ClosingService)}.{nameof(IncidentHub.Core.Resolution.ClosingService.GetPlanAsync)}",
        $"{nameof(IncidentHub.Core.Resolution.ReopeningService)}.{nameof(IncidentHub.Core.Resolution.ReopeningService.GetPlanAsync)}",
        $"{nameof(PublicationQueries)}.{nameof(PublicationQueries.GetNoticeAsync)}",
        $"{nameof(IncidentHub.Core.Board.BoardQueries)}.{nameof(IncidentHub.Core.Board.BoardQueries.GetBoardAsync)}",
        $"{nameof(IncidentHub.Core.Insights.InsightsQueries)}.{nameof(IncidentHub.Core.Insights.InsightsQueries.GetAsync)}",
        $"{nameof(IncidentHub.Core.Search.SearchQueries)}.{nameof(IncidentHub.Core.Search.SearchQueries.SearchAsync)}",
        $"{nameof(IncidentHub.Core.Similar.SimilarIncidentQueries)}.{nameof(IncidentHub.Core.Similar.SimilarIncidentQueries.ForIncidentAsync)}",
        $"{nameof(IncidentHub.Core.Similar.SimilarIncidentQueries)}.{nameof(IncidentHub.Core.Similar.SimilarIncidentQueries.ForDraftAsync)}",
        $"{nameof(IncidentHub.Core.Similar.SimilarIncidentQueries)}.{nameof(IncidentHub.Core.Similar.SimilarIncidentQueries.NotRelatedAsync)}",
        $"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.RequestAsync)}",
        $"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.RecordViewAsync)}",
        $"{nameof(IncidentAccessService)}.{nameof(IncidentAccessService.GetAccessAsync)}",
        $"{nameof(ChatAttachmentService)}.{nameof(ChatAttachmentService.GetContentAsync)}",
        $"{nameof(ChatUserDirectory)}.{nameof(ChatUserDirectory.RefusalAsync)}",
        $"{nameof(NotificationService)}.{nameof(NotificationService.CountUnreadAsync)}",
        $"{nameof(NotificationService)}.{nameof(NotificationService.GetRecentAsync)}",
        $"{nameof(NotificationService)}.{nameof(NotificationService.MarkReadAsync)}",
        $"{nameof(NotificationService)}.{nameof(NotificationService.MarkAllReadAsync)}",
    ];

    public static TheoryData<string> OperationNames => [.. Operations.Keys.Order()];

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Viewer_IsRefused_AndNothingChanges(string operation)
    {
        var fixture = await ArrangeAsync();
        var viewer = await Harness.CreateViewerAsync("Val Viewer");
        var before = await SnapshotAsync(fixture);
        Harness.Feed.Clear();

        await Assert.ThrowsAsync<ForbiddenException>(() => Operations[operation](Harness, viewer, fixture));

        Assert.Equal(before, await SnapshotAsync(fixture));
        Assert.Empty(Harness.Feed.Changes);
    }

    /// <summary>A new operation that takes an actor must be added above, or this fails.</summary>
    [Fact]
    public void EveryCoreOperationTakingAnActor_IsTriedAsAViewer()
    {
        var operations = typeof(IncidentService).Assembly.GetTypes()
            // The runner is the mechanism the operations above go through, not an operation of its own.
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && t != typeof(IncidentCommandRunner))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Actor) && typeof(Task).IsAssignableFrom(m.ReturnType))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .Except(AllowedForViewers)
            .Order()
            .ToList();

        Assert.Equal(operations, Operations.Keys.Order().ToList());
    }

    private async Task<Fixture> ArrangeAsync()
    {
        var responder = await Harness.CreateResponderAsync("Rae Responder");
        var incident = await Harness.DeclareAsync(responder, "Disk full on db-2");
        var actionId = await Harness.Actions.AddAsync(responder, incident.Id, new AddActionRequest { Title = "Free space" }, Ct);
        var scribe = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);
        await Harness.Roles.AssignAsync(responder, incident.Id, scribe, responder.UserId, null, Ct);
        var timeline = await Harness.IncidentQueries.GetTimelineAsync(incident.Id, cancellationToken: Ct);
        var detail = (await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!;
        return new Fixture(incident, actionId, timeline.Items.First(e => e.IsHighlighted).Id, scribe, responder, detail);
    }

    private async Task<string> SnapshotAsync(Fixture fixture)
    {
        var detail = (await Harness.IncidentQueries.GetDetailAsync(fixture.Incident.Number, Ct))!;
        var timeline = await Harness.IncidentQueries.GetTimelineAsync(fixture.Incident.Id, cancellationToken: Ct);
        var incidents = await Harness.IncidentQueries.SearchAsync(new IncidentSearch(), Ct);
        var severities = await Harness.IncidentQueries.GetSeveritiesAsync(includeArchived: true, Ct);
        var roles = await Harness.RoleDefinitions.GetAllAsync(includeArchived: true, Ct);
        var users = await Harness.Get<DirectoryQueries>().GetUsersAsync(Ct);
        return string.Join("|",
            detail.Version, incidents.TotalCount, timeline.TotalCount, string.Join(",", timeline.Items.Select(e => e.IsHighlighted)),
            string.Join(",", severities.Select(s => $"{s.Name}:{s.Rank}:{s.IsArchived}")),
            string.Join(",", roles.Select(r => $"{r.Name}:{r.IsArchived}")),
            string.Join(",", users.Select(u => $"{u.Email}:{u.Role}:{u.IsActive}")));
    }
}

public sealed class ViewerCannotChangeAnythingTests_Sqlite(SqliteTestDatabase database)
    : ViewerCannotChangeAnythingTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ViewerCannotChangeAnythingTests_SqlServer(SqlServerTestDatabase database)
    : ViewerCannotChangeAnythingTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ViewerCannotChangeAnythingTests_PostgreSql(PostgreSqlTestDatabase database)
    : ViewerCannotChangeAnythingTests(database), IClassFixture<PostgreSqlTestDatabase>;
