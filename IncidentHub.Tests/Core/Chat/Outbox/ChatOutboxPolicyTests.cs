using IncidentHub.Core.Chat;
using IncidentHub.Core.Chat.Outbox;

namespace IncidentHub.Tests.Core.Chat.Outbox;

/// <summary>The outbox's decisions as pure functions of a call's outcome: no database, no chat system, no clock.</summary>
public sealed class ChatOutboxPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly ChatRetrySettings Settings = new(
        Outage: TimeSpan.FromSeconds(15), RefusedForNow: TimeSpan.FromSeconds(30), Crash: TimeSpan.FromSeconds(45),
        ChannelWait: TimeSpan.FromSeconds(20), DefaultRetryAfter: TimeSpan.FromSeconds(25), MaxRetryAfter: TimeSpan.FromMinutes(5));

    [Fact]
    public void Ok_Completes_WithWhatTheChatSystemReturned()
    {
        var decision = ChatOutboxPolicy.AfterCall(ChatCallOutcome.Ok, "chat.postMessage", idempotent: false, Now, Settings, resultId: "1700000000.000100");

        Assert.Equal((ChatOutboxAction.Complete, "1700000000.000100"), (decision.Action, decision.ResultId));
    }

    [Fact]
    public void ARefusal_Fails_NamingTheMethodAndTheError()
    {
        var decision = ChatOutboxPolicy.AfterCall(new ChatCallOutcome(ChatCallResult.Refused, "msg_too_long"), "chat.postMessage", false, Now, Settings);

        Assert.Equal((ChatOutboxAction.Fail, "chat.postMessage: msg_too_long"), (decision.Action, decision.Reason));
    }

    [Fact]
    public void ARefusalThatPasses_IsRetriedAfterTheSetting_AndCounts()
    {
        var decision = ChatOutboxPolicy.AfterCall(new ChatCallOutcome(ChatCallResult.RefusedForNow, "internal_error"), "chat.update", true, Now, Settings);

        Assert.Equal((ChatOutboxAction.Retry, Now + Settings.RefusedForNow, true, true), (decision.Action, decision.At, decision.CountsAsAttempt, decision.OutcomeKnown));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(900, 300)]
    [InlineData(-5, 0)]
    public void ARateLimit_WaitsWhatItSays_CappedAtTheSetting_AndPausesTheMethod(int retryAfter, int waited)
    {
        var decision = ChatOutboxPolicy.AfterCall(new ChatCallOutcome(ChatCallResult.RateLimited, RetryAfter: TimeSpan.FromSeconds(retryAfter)), "conversations.create", true, Now, Settings);

        Assert.Equal((ChatOutboxAction.Retry, Now + TimeSpan.FromSeconds(waited), TimeSpan.FromSeconds(waited), true),
            (decision.Action, decision.At, decision.PauseFor, decision.CountsAsAttempt));
    }

    [Fact]
    public void ARateLimitWithoutRetryAfter_WaitsTheDefault()
    {
        var decision = ChatOutboxPolicy.AfterCall(new ChatCallOutcome(ChatCallResult.RateLimited), "chat.update", true, Now, Settings);

        Assert.Equal(Now + Settings.DefaultRetryAfter, decision.At);
    }

    [Fact]
    public void AnOutage_IsRetriedAfterTheSetting_WithoutUsingUpTries()
    {
        var decision = ChatOutboxPolicy.AfterCall(new ChatCallOutcome(ChatCallResult.Unreachable), "chat.postMessage", false, Now, Settings);

        Assert.Equal((ChatOutboxAction.Retry, Now + Settings.Outage, false, true), (decision.Action, decision.At, decision.CountsAsAttempt, decision.OutcomeKnown));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void ALostAnswer_LeavesAPostsOutcomeUnknown_ButNotARepeatableCalls(bool idempotent, bool known)
    {
        var decision = ChatOutboxPolicy.AfterCall(new ChatCallOutcome(ChatCallResult.Unknown), "chat.postMessage", idempotent, Now, Settings);

        Assert.Equal((ChatOutboxAction.Retry, false, known), (decision.Action, decision.CountsAsAttempt, decision.OutcomeKnown));
    }

    [Fact]
    public void ACrash_AfterTheCallWasMade_LeavesItsOutcomeUnknown_SoTheNextTryLooksFirst()
    {
        var decision = ChatOutboxPolicy.AfterCrash("DbUpdateException", Now, Settings);

        Assert.Equal((ChatOutboxAction.Retry, Now + Settings.Crash, true, false), (decision.Action, decision.At, decision.CountsAsAttempt, decision.OutcomeKnown));
    }

    [Fact]
    public void AnUnreadableHistory_IsLookedAtAgain_StillUnknown()
    {
        var decision = ChatOutboxPolicy.HistoryUnreadable(Now, Settings);

        Assert.Equal((ChatOutboxAction.Retry, Now + Settings.Outage, false), (decision.Action, decision.At, decision.OutcomeKnown));
    }

    [Fact]
    public void NoChannelYet_WaitsTheSetting_Uncounted()
    {
        var decision = ChatOutboxPolicy.WaitForChannel(Now, Settings);

        Assert.Equal((ChatOutboxAction.Retry, Now + Settings.ChannelWait, false), (decision.Action, decision.At, decision.CountsAsAttempt));
    }

    [Theory]
    [InlineData(ChatOperationKind.Post)]
    [InlineData(ChatOperationKind.SetTopic)]
    [InlineData(ChatOperationKind.Invite)]
    [InlineData(ChatOperationKind.Announce)]
    [InlineData(ChatOperationKind.UpdateAnnouncement)]
    public void ThePrivacyGate_StopsEverything_ForAPrivateIncidentInAChannelOpenToEveryone(ChatOperationKind kind)
    {
        var decision = ChatOutboxPolicy.PrivacyGate(kind, new ChatTarget(IncidentIsPrivate: true, ChannelIsPrivate: false));

        Assert.Equal(ChatOutboxAction.Skip, decision?.Action);
    }

    [Fact]
    public void ThePrivacyGate_LetsTheNoticeThatSaysSo_AndTheArchiving_Through()
    {
        Assert.Null(ChatOutboxPolicy.PrivacyGate(ChatOperationKind.Post, new ChatTarget(true, false, IsPrivacyNotice: true)));
        Assert.Null(ChatOutboxPolicy.PrivacyGate(ChatOperationKind.Archive, new ChatTarget(true, false)));
    }

    [Fact]
    public void ThePrivacyGate_InAPrivateChannel_LetsPostsThrough_ButNeverAnAnnouncement()
    {
        Assert.Null(ChatOutboxPolicy.PrivacyGate(ChatOperationKind.Post, new ChatTarget(true, ChannelIsPrivate: true)));
        Assert.Equal(ChatOutboxAction.Skip, ChatOutboxPolicy.PrivacyGate(ChatOperationKind.Announce, new ChatTarget(true, true))?.Action);
    }

    [Theory]
    [InlineData(ChatOperationKind.Post)]
    [InlineData(ChatOperationKind.Announce)]
    public void ThePrivacyGate_LetsAStandardIncidentThrough(ChatOperationKind kind) =>
        Assert.Null(ChatOutboxPolicy.PrivacyGate(kind, new ChatTarget(false, false)));

    [Fact]
    public void AnnouncementUpdates_OnlyTheLatestGoesOut() =>
        Assert.Equal(ChatOutboxAction.Skip, ChatOutboxPolicy.MergeAnnouncementUpdates(laterUpdatePending: true)?.Action);

    [Fact]
    public void AnArchivedChannel_GetsNothingButItsArchiving()
    {
        Assert.Equal(ChatOutboxAction.Skip, ChatOutboxPolicy.ArchivedChannel(ChatOperationKind.Post, archived: true)?.Action);
        Assert.Null(ChatOutboxPolicy.ArchivedChannel(ChatOperationKind.Archive, archived: true));
    }
}
