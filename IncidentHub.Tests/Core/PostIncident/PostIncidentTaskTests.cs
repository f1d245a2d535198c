using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.PostIncident;
using IncidentHub.Core.Roles;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.PostIncident;

/// <summary>Post-incident tasks: handed out at resolution per severity, due from the resolution, done on the timeline.</summary>
public abstract class PostIncidentTaskTests(TestDatabase database) : DatabaseTest(database)
{
    private PostIncidentTaskService Tasks => Harness.Get<PostIncidentTaskService>();

    private async Task<IReadOnlyList<PostIncidentTaskView>> TasksOfAsync(Actor actor, int incidentId) => await Tasks.ForIncidentAsync(actor, incidentId, Ct);

    [Fact]
    public async Task AFreshInstallation_HasTheFourDefaultTasks_ForMajorAndCritical_NotMinor()
    {
        var definitions = await Tasks.GetDefinitionsAsync(cancellationToken: Ct);

        Assert.Equal(["Write the review", "Hold the debrief", "Agree follow-ups", "Publish the review"], definitions.Select(d => d.Name));
        Assert.All(definitions, d => Assert.Equal(["Major", "Critical"], d.SeverityNames));
        Assert.All(definitions, d => Assert.Equal("Incident Lead", d.OwnerRoleName));
        Assert.Equal(["2 days", "5 days", "5 days", "7 days"], definitions.Select(d => d.DueAfterText));
    }

    [Fact]
    public async Task Resolving_AMajorIncident_HandsOutItsTasks_DueFromTheResolution_OwnedByTheLead()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Major");
        Harness.Time.Advance(TimeSpan.FromHours(3));
        Harness.Feed.Clear();

        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);

        var resolvedAt = Harness.Time.GetUtcNow();
        var tasks = await TasksOfAsync(lead, incident.Id);
        Assert.Equal(4, tasks.Count);
        Assert.Equal(resolvedAt.AddDays(2), tasks[0].DueAt);
        Assert.Equal(resolvedAt.AddDays(7), tasks[3].DueAt);
        Assert.All(tasks, t => Assert.Equal((lead.UserId, "Riley Chen", "Incident Lead", false), (t.OwnerId, t.OwnerName, t.OwnerRoleName, t.OwnerRoleVacant)));
        Assert.Contains(Harness.Feed.Changes, c => c.IncidentId == incident.Id && c.Kind == IncidentChangeKind.ActionsChanged);
    }

    [Fact]
    public async Task Resolving_AMinorIncident_HandsOutNone()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Typo on the login page", "Minor");

        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);

        Assert.Empty(await TasksOfAsync(lead, incident.Id));
    }

    [Fact]
    public async Task ReopenedAndResolvedAgain_GetsNoDuplicates_AndKeepsWhatWasDone()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Critical");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        var first = (await TasksOfAsync(lead, incident.Id))[0];
        await Tasks.SetDoneAsync(lead, incident.Id, first.Id, done: true, expectedDone: false, Ct);

        await Harness.Incidents.ChangeStatusAsync(lead, incident.Id, IncidentStatus.Resolved, IncidentStatus.Investigating, Ct);
        Harness.Time.Advance(TimeSpan.FromHours(1));
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        await Harness.Get<EventDispatcher>().CatchUpAsync(Ct);

        var tasks = await TasksOfAsync(lead, incident.Id);
        Assert.Equal(4, tasks.Count);
        Assert.True(tasks.Single(t => t.Id == first.Id).IsDone);
    }

    [Fact]
    public async Task TheOwnerRole_IsWhoeverHoldsIt_OrTheLeadWhenNobodyDoes_AndThePageSaysSo()
    {
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var scribe = await Harness.CreateResponderAsync("Sam Okafor");
        var scribeRole = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);
        var critical = await Harness.SeverityIdAsync("Critical");
        await Tasks.SaveDefinitionAsync(admin, new PostIncidentTaskForm { Name = "Tidy the timeline", OwnerRoleDefinitionId = scribeRole, DueAfter = 36, DueAfterUnit = DueAfterUnit.Hours, SeverityIds = new HashSet<int> { critical } }, Ct);
        var withScribe = await Harness.DeclareAsync(lead, "With a scribe", "Critical");
        await Harness.Roles.AssignAsync(lead, withScribe.Id, scribeRole, scribe.UserId, null, Ct);
        var without = await Harness.DeclareAsync(lead, "Without one", "Critical");

        await Harness.MoveToAsync(lead, withScribe.Id, IncidentStatus.Resolved);
        await Harness.MoveToAsync(lead, without.Id, IncidentStatus.Resolved);

        var tidy = (await TasksOfAsync(lead, withScribe.Id)).Single(t => t.Name == "Tidy the timeline");
        Assert.Equal((scribe.UserId, "Scribe", false), (tidy.OwnerId, tidy.OwnerRoleName, tidy.OwnerRoleVacant));
        Assert.Equal(Harness.Time.GetUtcNow().AddHours(36), tidy.DueAt);
        var vacant = (await TasksOfAsync(lead, without.Id)).Single(t => t.Name == "Tidy the timeline");
        Assert.Equal((lead.UserId, true), (vacant.OwnerId, vacant.OwnerRoleVacant));
    }

    [Fact]
    public async Task Completing_AndUndoing_AreOnTheTimeline_AsEvents()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Major");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        var task = (await TasksOfAsync(lead, incident.Id))[0];

        await Tasks.SetDoneAsync(lead, incident.Id, task.Id, done: true, expectedDone: false, Ct);
        var done = (await TasksOfAsync(lead, incident.Id))[0];
        await Tasks.SetDoneAsync(lead, incident.Id, task.Id, done: false, expectedDone: true, Ct);

        Assert.Equal(("Riley Chen", Harness.Time.GetUtcNow()), (done.DoneByName, done.DoneAt));
        Assert.False((await TasksOfAsync(lead, incident.Id))[0].IsDone);
        var texts = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incident.Id).OrderBy(e => e.Id).Select(e => e.Text).ToListAsync(Ct));
        Assert.Contains("Riley Chen completed the post-incident task \"Write the review\".", texts);
        Assert.Equal("Riley Chen marked the post-incident task \"Write the review\" not done.", texts[^1]);
        var kinds = await Harness.QueryAsync(db => db.EventLog.Where(e => e.IncidentId == incident.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync(Ct));
        Assert.Equal(["post_incident.task_completed", "post_incident.task_reopened"], kinds[^2..]);
    }

    [Fact]
    public async Task DoneBySomeoneElseAMomentAgo_IsAConflict_SaidPlainly()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var other = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Major");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        var task = (await TasksOfAsync(lead, incident.Id))[0];
        await Tasks.SetDoneAsync(other, incident.Id, task.Id, done: true, expectedDone: false, Ct);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Tasks.SetDoneAsync(lead, incident.Id, task.Id, done: true, expectedDone: false, Ct));

        Assert.Equal("Sam Okafor marked \"Write the review\" done a moment ago. Nothing was changed.", refused.Message);
    }

    [Fact]
    public async Task AViewerNotOnTheIncident_MayNotDoATask_AndAPrivateIncidentsTasks_AreNotFoundForOutsiders()
    {
        var lead = await Harness.CreateResponderAsync();
        var viewer = await Harness.CreateViewerAsync();
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Major");
        var secret = await Harness.DeclareAsync(lead, "Payroll leak", "Major", r => r.IsPrivate = true);
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        await Harness.MoveToAsync(lead, secret.Id, IncidentStatus.Resolved);
        var task = (await TasksOfAsync(lead, incident.Id))[0];

        await Assert.ThrowsAsync<ForbiddenException>(() => Tasks.SetDoneAsync(viewer, incident.Id, task.Id, true, false, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => TasksOfAsync(viewer, secret.Id));
        Assert.Equal(4, (await TasksOfAsync(viewer, incident.Id)).Count);
        Assert.False((await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!.Can.CompleteTasks);
    }

    [Fact]
    public async Task Definitions_RefuseBadInput_WithClearMessages_AndOnlyAdminsChangeThem()
    {
        var admin = await Harness.CreateAdminAsync();
        var responder = await Harness.CreateResponderAsync();
        var lead = await Harness.RoleIdAsync(IncidentRoleKind.Lead);
        var reporter = await Harness.RoleIdAsync(IncidentRoleKind.Reporter);

        var noDue = await Assert.ThrowsAsync<ValidationFailedException>(() => Tasks.SaveDefinitionAsync(admin, new PostIncidentTaskForm { Name = "X", OwnerRoleDefinitionId = lead, DueAfter = 91 }, Ct));
        var noRole = await Assert.ThrowsAsync<ValidationFailedException>(() => Tasks.SaveDefinitionAsync(admin, new PostIncidentTaskForm { Name = "X", OwnerRoleDefinitionId = reporter, DueAfter = 1 }, Ct));
        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() => Tasks.SaveDefinitionAsync(admin, new PostIncidentTaskForm { Name = "Hold the debrief", OwnerRoleDefinitionId = lead, DueAfter = 1 }, Ct));
        var noName = await Assert.ThrowsAsync<ValidationFailedException>(() => Tasks.SaveDefinitionAsync(admin, new PostIncidentTaskForm { Name = " ", OwnerRoleDefinitionId = lead, DueAfter = 1 }, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Tasks.SaveDefinitionAsync(responder, new PostIncidentTaskForm { Name = "Mine", OwnerRoleDefinitionId = lead, DueAfter = 1 }, Ct));

        Assert.Equal("Due after is a whole number of days from 1 to 90.", noDue.Message);
        Assert.Equal("Choose the role on the incident that owns this task (the reporter cannot own one).", noRole.Message);
        Assert.Equal("There is already a task called Hold the debrief.", taken.Message);
        Assert.Contains(nameof(PostIncidentTaskForm.Name), noName.Errors.Keys);
        Assert.Equal(4, (await Tasks.GetDefinitionsAsync(cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task AnEditedDefinition_ChangesLaterResolutions_NotTasksAlreadyHandedOut()
    {
        var admin = await Harness.CreateAdminAsync();
        var lead = await Harness.CreateResponderAsync();
        var before = await Harness.DeclareAsync(lead, "Before", "Major");
        await Harness.MoveToAsync(lead, before.Id, IncidentStatus.Resolved);
        var write = (await Tasks.GetDefinitionsAsync(cancellationToken: Ct))[0];
        await Tasks.SaveDefinitionAsync(admin, new PostIncidentTaskForm
        {
            Id = write.Id, Version = write.Version, Name = "Write the review", OwnerRoleDefinitionId = write.OwnerRoleDefinitionId,
            DueAfter = 12, DueAfterUnit = DueAfterUnit.Hours, SeverityIds = new HashSet<int> { await Harness.SeverityIdAsync("Minor") },
        }, Ct);
        var minor = await Harness.DeclareAsync(lead, "After", "Minor");

        await Harness.MoveToAsync(lead, minor.Id, IncidentStatus.Resolved);

        Assert.Equal(4, (await TasksOfAsync(lead, before.Id)).Count);
        var only = Assert.Single(await TasksOfAsync(lead, minor.Id));
        Assert.Equal(Harness.Time.GetUtcNow().AddHours(12), only.DueAt);
        var stale = await Assert.ThrowsAsync<ConflictException>(() => Tasks.SaveDefinitionAsync(admin, new PostIncidentTaskForm
        {
            Id = write.Id, Version = write.Version, Name = "Write it", OwnerRoleDefinitionId = write.OwnerRoleDefinitionId, DueAfter = 1,
        }, Ct));
        Assert.StartsWith("Another admin changed Write the review", stale.Message);
    }

    [Fact]
    public async Task AResolutionWhoseDispatchWasCutShort_GetsItsTasks_WhenTheLogIsCaughtUp()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Major");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Monitoring);
        // The resolution commits, but its dispatch never happens (the process "dies"): the consumer is behind the log.
        Harness.Database.CommandHook.FailNextInsertInto("PostIncidentTasks");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        Assert.Empty(await TasksOfAsync(lead, incident.Id));

        // A restart: a new process catches up from the log.
        await using var restarted = new ServiceHarness(Database);
        restarted.Time.SetUtcNow(Harness.Time.GetUtcNow());
        await restarted.Get<EventDispatcher>().CatchUpAsync(Ct);

        Assert.Equal(4, (await TasksOfAsync(lead, incident.Id)).Count);
    }
}

public sealed class PostIncidentTaskTests_Sqlite(SqliteTestDatabase database)
    : PostIncidentTaskTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostIncidentTaskTests_SqlServer(SqlServerTestDatabase database)
    : PostIncidentTaskTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class PostIncidentTaskTests_PostgreSql(PostgreSqlTestDatabase database)
    : PostIncidentTaskTests(database), IClassFixture<PostgreSqlTestDatabase>;
