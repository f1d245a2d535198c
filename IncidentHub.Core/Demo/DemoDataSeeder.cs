using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Events;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Demo;

/// <summary>
/// A small living data set for newcomers: a few people in each role, a handful of open and finished incidents with
/// timelines, and status page services with two incidents' public notices. Everything goes through the real services
/// and the same event pipeline as any change, replayed on a scripted clock, so the demo obeys every rule and its
/// events are in the log like any others. Its incidents ask for no chat channel unless
/// <see cref="DemoDataOptions.OpenChatChannels"/>: loading the demo on a Slack-connected installation touches no Slack.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    UserAccountService accounts,
    TimeProvider time,
    IncidentEventPipeline pipeline,
    IStatusPageCache statusPageCache,
    ILoggerFactory loggerFactory)
{
    /// <summary>The demo's status page services, added only when the admin has not listed any yet.</summary>
    public static IReadOnlyList<string> Services { get; } = ["API", "Checkout and payments", "Dashboard", "Search", "Sign-in"];

    /// <summary>
    /// The demo people. None is an admin: the demo must never open an administrator account with a password other
    /// people could learn.
    /// </summary>
    public static IReadOnlyList<(string Name, string Email, AppRole Role)> People { get; } =
    [
        ("Riley Chen", "riley@demo.incidenthub", AppRole.Responder),
        ("Sam Okafor", "sam@demo.incidenthub", AppRole.Responder),
        ("Jordan Patel", "jordan@demo.incidenthub", AppRole.Responder),
        ("Priya Nair", "priya@demo.incidenthub", AppRole.Responder),
        ("Casey Lee", "casey@demo.incidenthub", AppRole.Viewer),
        ("Taylor Brooks", "taylor@demo.incidenthub", AppRole.Viewer),
    ];

    /// <summary>
    /// Loads the demo set unless there are incidents already. The demo accounts share one password, made up afresh for
    /// this installation and returned once so that the admin who asked for them can try them; it is stored nowhere.
    /// </summary>
    public Task<DemoDataResult> SeedAsync(Actor admin, CancellationToken cancellationToken = default) =>
        SeedAsync(admin, new DemoDataOptions(), cancellationToken);

    public async Task<DemoDataResult> SeedAsync(Actor admin, DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(options);
        admin.EnsureAdmin();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Incidents.AnyAsync(cancellationToken))
            {
                return DemoDataResult.NotLoaded;
            }
        }

        var password = NewPassword();

        var people = new Dictionary<string, Actor>();
        foreach (var (name, email, role) in People)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
            var user = existing ?? await accounts.CreateAsync(name, email, password, role, "Password");
            people[name.Split(' ')[0]] = user.ToActor();
        }

        var services = await EnsureServicesAsync(admin, cancellationToken);
        var now = time.GetUtcNow();
        var clock = new ScriptedClock(now);
        var runner = new IncidentCommandRunner(dbFactory, clock, pipeline, loggerFactory.CreateLogger<IncidentCommandRunner>());
        var script = new Script(
            clock,
            new IncidentService(runner, new IncidentTypes.IncidentTypeService(dbFactory)),
            new UpdateService(runner),
            new RoleAssignmentService(runner),
            new TimelineService(runner),
            new ActionService(runner),
            await LoadRolesAsync(cancellationToken),
            await LoadSeveritiesAsync(cancellationToken),
            new IncidentQueries(dbFactory),
            new PublicationService(runner),
            services,
            options.OpenChatChannels,
            cancellationToken);

        var riley = people["Riley"];
        var sam = people["Sam"];
        var jordan = people["Jordan"];
        var priya = people["Priya"];

        // Finished incidents first, so references run in the order things happened.
        await ClosedBillingExportAsync(script, now - TimeSpan.FromDays(9), jordan, priya);
        await ResolvedApiOutageAsync(script, now - TimeSpan.FromDays(3), riley, sam, jordan);
        await DeclinedAsync(script, now - TimeSpan.FromDays(1), sam);
        await MonitoringLoginEmailsAsync(script, now - TimeSpan.FromHours(5), jordan);
        await InvestigatingSearchAsync(script, now - TimeSpan.FromHours(2), sam, riley);
        await FixingCheckoutAsync(script, now - TimeSpan.FromMinutes(47), riley, sam, jordan, priya);
        await TriageDashboardAsync(script, now - TimeSpan.FromMinutes(8), jordan);
        return new DemoDataResult(true, password);
    }

    /// <summary>Four random words' worth of entropy, readable enough to type: e.g. "demo-k7qm-3xwp-9cth".</summary>
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = System.Security.Cryptography.RandomNumberGenerator.GetItems(alphabet.AsSpan(), 12);
        return $"demo-{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    private static async Task ClosedBillingExportAsync(Script s, DateTimeOffset start, Actor lead, Actor closer)
    {
        s.At(start);
        var id = await s.DeclareAsync(lead, "Billing export double-counted refunds", "Major",
            "The nightly billing export counted each refund twice for invoices with partial refunds.",
            "Finance saw inflated refund totals in the November export; customers were not charged wrongly.");
        s.At(start + TimeSpan.FromMinutes(6));
        await s.StatusAsync(lead, id, IncidentStatus.Triage, IncidentStatus.Investigating);
        s.At(start + TimeSpan.FromMinutes(30));
        await s.UpdateAsync(lead, id, "Reproduced: the export joins refunds twice when an invoice has more than one refund line. Fix is a one-line query change.", IncidentStatus.Fixing);
        s.At(start + TimeSpan.FromMinutes(55));
        await s.NoteAsync(closer, id, "Finance confirmed no customer-facing documents were affected.", highlight: true);
        s.At(start + TimeSpan.FromMinutes(80));
        await s.UpdateAsync(lead, id, "Fix deployed and the November export regenerated. Totals match the ledger.", IncidentStatus.Resolved);
        s.At(start + TimeSpan.FromMinutes(81));
        await s.CorrectAsync(lead, id, IncidentTimestamp.ImpactStarted, start - TimeSpan.FromDays(20));
        s.At(start + TimeSpan.FromDays(2));
        await s.StatusAsync(closer, id, IncidentStatus.Resolved, IncidentStatus.Closed);
    }

    private static async Task ResolvedApiOutageAsync(Script s, DateTimeOffset start, Actor lead, Actor comms, Actor engineer)
    {
        s.At(start);
        var id = await s.DeclareAsync(engineer, "Public API returning 503 in us-east", "Critical",
            "Load balancer health checks failing after a config push; most API calls in us-east return 503.",
            "API customers in North America cannot create or read orders.", leadId: lead.UserId);
        s.At(start + TimeSpan.FromMinutes(2));
        await s.StatusAsync(lead, id, IncidentStatus.Triage, IncidentStatus.Investigating);
        await s.AssignAsync(lead, id, IncidentRoleKind.CommunicationsLead, comms);
        s.At(start + TimeSpan.FromMinutes(4));
        await s.PublishAsync(comms, id, "API errors for customers in North America", PublicStatus.Investigating,
            "Many API requests in North America are failing. We are investigating and will update within 30 minutes.",
            ("API", ComponentState.MajorOutage));
        await s.ActionAsync(lead, id, "Roll back the load balancer config", engineer, done: true);
        await s.ActionAsync(lead, id, "Tell the top 20 API customers directly", comms, done: true);
        s.At(start + TimeSpan.FromMinutes(11));
        await s.UpdateAsync(lead, id, "Cause found: the last config push removed the health-check path. Rolling back now.", IncidentStatus.Fixing);
        s.At(start + TimeSpan.FromMinutes(19));
        await s.UpdateAsync(lead, id, "Rollback complete; error rate back under 0.1%. Watching for 30 minutes.", IncidentStatus.Monitoring);
        await s.PublishAsync(comms, id, "API errors for customers in North America", PublicStatus.Monitoring,
            "We reverted a configuration change and API requests are succeeding again. We are watching closely.",
            ("API", ComponentState.DegradedPerformance));
        s.At(start + TimeSpan.FromMinutes(52));
        await s.UpdateAsync(lead, id, "Stable for 30 minutes. Resolving; follow-ups are in the actions list.", IncidentStatus.Resolved);
        await s.PublishAsync(comms, id, "API errors for customers in North America", PublicStatus.Resolved,
            "The API has been working normally for 30 minutes. We are sorry for the disruption.");
        s.At(start + TimeSpan.FromMinutes(53));
        await s.CorrectAsync(lead, id, IncidentTimestamp.ImpactStarted, start - TimeSpan.FromMinutes(7));
        await s.CorrectAsync(lead, id, IncidentTimestamp.Detected, start - TimeSpan.FromMinutes(3));
        await s.ActionAsync(lead, id, "Add a config validation step for health-check paths", engineer, done: false);
    }

    private static async Task DeclinedAsync(Script s, DateTimeOffset start, Actor declarer)
    {
        s.At(start);
        var id = await s.DeclareAsync(declarer, "Spike of 500s on the status checker", "Minor",
            "Synthetic checker alerted on 500s from the marketing site.", "");
        s.At(start + TimeSpan.FromMinutes(9));
        await s.NoteAsync(declarer, id, "The checker itself was misconfigured after its upgrade; the site was fine.");
        await s.StatusAsync(declarer, id, IncidentStatus.Triage, IncidentStatus.Declined);
    }

    private static async Task MonitoringLoginEmailsAsync(Script s, DateTimeOffset start, Actor lead)
    {
        s.At(start);
        var id = await s.DeclareAsync(lead, "Sign-in emails delayed by up to 20 minutes", "Minor",
            "Our email provider is queueing transactional mail.",
            "Customers using magic-link sign-in wait several minutes for their email.");
        s.At(start + TimeSpan.FromMinutes(5));
        await s.UpdateAsync(lead, id, "Provider confirms a queue backlog on their side. We switched sign-in emails to the secondary provider.", IncidentStatus.Monitoring);
        s.At(start + TimeSpan.FromHours(1));
        await s.NoteAsync(lead, id, "Delivery times back to under 10 seconds on the secondary provider.");
    }

    private static async Task InvestigatingSearchAsync(Script s, DateTimeOffset start, Actor lead, Actor other)
    {
        s.At(start);
        var id = await s.DeclareAsync(lead, "Search results slow (p95 over 4 s)", "Major",
            "Search latency rose after this morning's index rebuild.",
            "Customers wait several seconds for search results; some give up.");
        s.At(start + TimeSpan.FromMinutes(3));
        await s.StatusAsync(lead, id, IncidentStatus.Triage, IncidentStatus.Investigating);
        s.At(start + TimeSpan.FromMinutes(20));
        await s.UpdateAsync(lead, id, "Index rebuild finished with a smaller shard count than planned. Comparing query plans before and after.");
        await s.ActionAsync(lead, id, "Compare shard layout with last week's snapshot", other, done: false);
        s.At(start + TimeSpan.FromMinutes(70));
        await s.NoteAsync(other, id, "Hot shard found: 60% of queries land on shard 3.", highlight: true);
    }

    private static async Task FixingCheckoutAsync(Script s, DateTimeOffset start, Actor lead, Actor comms, Actor engineer, Actor scribe)
    {
        s.At(start);
        var id = await s.DeclareAsync(engineer, "Checkout payments failing for EU cards", "Critical",
            "Card payments with EU-issued cards started failing at the 3-D Secure step a few minutes before this was declared.",
            "Customers in Europe cannot pay; about 30% of checkouts are failing.", leadId: lead.UserId);
        s.At(start + TimeSpan.FromMinutes(1));
        await s.StatusAsync(lead, id, IncidentStatus.Triage, IncidentStatus.Investigating);
        await s.AssignAsync(lead, id, IncidentRoleKind.CommunicationsLead, comms);
        await s.AssignAsync(lead, id, IncidentRoleKind.Scribe, scribe);
        s.At(start + TimeSpan.FromMinutes(6));
        await s.NoteAsync(engineer, id, "Payment provider status page shows no incident. Our 3-D Secure callback returns 400.");
        await s.ActionAsync(lead, id, "Check the 3-D Secure callback logs", engineer, done: true);
        s.At(start + TimeSpan.FromMinutes(15));
        await s.UpdateAsync(lead, id, "The 3-D Secure callback rejects the provider's new signature header, deployed by them this morning. Patching our verifier.", IncidentStatus.Fixing);
        await s.ActionAsync(lead, id, "Patch the callback signature verifier", engineer, done: false);
        s.At(start + TimeSpan.FromMinutes(18));
        await s.PublishAsync(comms, id, "Card payments failing for some European customers", PublicStatus.Identified,
            "Some card payments from European customers fail at the verification step. We know the cause and are deploying a fix.",
            ("Checkout and payments", ComponentState.PartialOutage));
        s.At(start + TimeSpan.FromMinutes(31));
        await s.NoteAsync(scribe, id, "Decision: ship the verifier patch without the usual canary; rollback plan is the previous image.", highlight: true);
        await s.CorrectAsync(lead, id, IncidentTimestamp.ImpactStarted, start - TimeSpan.FromMinutes(12));
    }

    private static async Task TriageDashboardAsync(Script s, DateTimeOffset start, Actor declarer)
    {
        s.At(start);
        await s.DeclareAsync(declarer, "Dashboard charts blank for some users", "Minor",
            "Two support tickets report empty charts on the analytics dashboard.", "Some customers see empty charts; data is intact.");
    }

    private async Task<IReadOnlyDictionary<string, int>> EnsureServicesAsync(Actor admin, CancellationToken cancellationToken)
    {
        var components = new StatusComponentService(dbFactory, statusPageCache);
        var existing = await components.GetAllAsync(cancellationToken: cancellationToken);
        if (existing.Count == 0)
        {
            foreach (var name in Services)
            {
                await components.SaveAsync(admin, new ComponentForm { Name = name }, cancellationToken);
            }

            existing = await components.GetAllAsync(cancellationToken: cancellationToken);
        }

        return existing.ToDictionary(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<IReadOnlyDictionary<IncidentRoleKind, int>> LoadRolesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RoleDefinitions.Where(r => r.Kind != IncidentRoleKind.Custom).ToDictionaryAsync(r => r.Kind, r => r.Id, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, int>> LoadSeveritiesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Severities.OrderBy(s => s.Rank).ToListAsync(cancellationToken);
        var byName = all.ToDictionary(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase);
        // Admins may have renamed the defaults: fall back to rank order (least severe first).
        string[] defaults = ["Minor", "Major", "Critical"];
        for (var i = 0; i < defaults.Length; i++)
        {
            if (!byName.ContainsKey(defaults[i]) && all.Count > 0)
            {
                byName[defaults[i]] = all[Math.Min(i, all.Count - 1)].Id;
            }
        }

        return byName;
    }

    /// <summary>A clock the script moves by hand.</summary>
    private sealed class ScriptedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Set(DateTimeOffset now) => _now = now;
    }

    private sealed class Script(
        ScriptedClock clock,
        IncidentService incidents,
        UpdateService updates,
        RoleAssignmentService roles,
        TimelineService timeline,
        ActionService actions,
        IReadOnlyDictionary<IncidentRoleKind, int> roleIds,
        IReadOnlyDictionary<string, int> severityIds,
        IncidentQueries queries,
        PublicationService publication,
        IReadOnlyDictionary<string, int> services,
        bool openChatChannels,
        CancellationToken cancellationToken)
    {
        private readonly Dictionary<int, int> _numbers = [];

        public void At(DateTimeOffset now) => clock.Set(now);

        public async Task<int> DeclareAsync(Actor actor, string name, string severity, string summary, string impact, string? leadId = null)
        {
            var declared = await incidents.DeclareAsync(actor, new DeclareIncidentRequest
            {
                Name = name,
                SeverityId = severityIds[severity],
                Summary = summary,
                CustomerImpact = impact,
                LeadId = leadId,
                OpenChatChannel = openChatChannels,
            }, cancellationToken);
            _numbers[declared.Id] = declared.Number;
            return declared.Id;
        }

        public Task StatusAsync(Actor actor, int id, IncidentStatus from, IncidentStatus to) =>
            incidents.ChangeStatusAsync(actor, id, from, to, cancellationToken);

        public Task UpdateAsync(Actor actor, int id, string message, IncidentStatus? status = null) =>
            updates.PostUpdateAsync(actor, id, new PostUpdateRequest { Message = message, NewStatus = status }, cancellationToken);

        public Task NoteAsync(Actor actor, int id, string text, bool highlight = false) =>
            timeline.AddNoteAsync(actor, id, new AddNoteRequest { Text = text, Highlight = highlight }, cancellationToken);

        public Task AssignAsync(Actor actor, int id, IncidentRoleKind kind, Actor holder) =>
            roles.AssignAsync(actor, id, roleIds[kind], holder.UserId, expectedHolderId: null, cancellationToken);

        public async Task ActionAsync(Actor actor, int id, string title, Actor owner, bool done)
        {
            var actionId = await actions.AddAsync(actor, id, new AddActionRequest { Title = title, OwnerId = owner.UserId }, cancellationToken);
            if (done)
            {
                await actions.ChangeStatusAsync(owner, id, actionId, ActionStatus.Outstanding, ActionStatus.Done, cancellationToken);
            }
        }

        /// <summary>Publishes a notice; a service the admin has not listed is left out rather than invented.</summary>
        public Task PublishAsync(Actor actor, int id, string title, PublicStatus status, string message, params (string Service, ComponentState State)[] impacts) =>
            publication.PublishAsync(actor, id, new PublicNoticeForm
            {
                Title = title,
                Message = message,
                Status = status,
                Impacts = impacts.Where(i => services.ContainsKey(i.Service)).ToDictionary(i => services[i.Service], i => i.State),
            }, cancellationToken);

        public async Task CorrectAsync(Actor actor, int id, IncidentTimestamp which, DateTimeOffset value)
        {
            var number = _numbers[id];
            var detail = await queries.GetDetailAsync(number, cancellationToken)
                ?? throw new InvalidOperationException($"Demo incident {number} vanished.");
            await incidents.CorrectTimestampAsync(actor, id, which, detail.Get(which), value, cancellationToken);
        }
    }
}

/// <param name="OpenChatChannels">Give the demo incidents channels in the connected chat system (off by default).</param>
public sealed record DemoDataOptions(bool OpenChatChannels = false);

/// <summary>Whether the demo set was loaded, and the password its accounts share (shown once, stored nowhere).</summary>
public sealed record DemoDataResult(bool Loaded, string? Password)
{
    public static DemoDataResult NotLoaded { get; } = new(false, null);
}
