using IncidentHub.Core.Common;
using IncidentHub.Core.Users.SingleSignOn;

namespace IncidentHub.Tests.Core.Users;

public sealed class SsoRoleRulesTests
{
    private static readonly SsoRoleMap Map = new(["ih-admins"], ["ih-responders", "SRE"], ["ih-viewers"], SsoDefaultRole.Viewer);

    [Theory]
    [InlineData(new[] { "ih-admins" }, AppRole.Admin)]
    [InlineData(new[] { "ih-viewers", "ih-admins", "ih-responders" }, AppRole.Admin)]
    [InlineData(new[] { "sre" }, AppRole.Responder)]
    [InlineData(new[] { " ih-responders " }, AppRole.Responder)]
    [InlineData(new[] { "ih-viewers" }, AppRole.Viewer)]
    public void Decide_TheMostPowerfulMatchingGroupWins_IgnoringCase(string[] groups, AppRole expected)
    {
        var decision = SsoRoleRules.Decide(Map, groups, currentRole: null);

        Assert.Equal(expected, decision.Role);
        Assert.StartsWith("member of the group ", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InNoMappedGroup_GivesTheDefaultRole_EvenOverAnEarlierRole()
    {
        var decision = SsoRoleRules.Decide(Map with { DefaultRole = SsoDefaultRole.Responder }, ["marketing"], currentRole: AppRole.Admin);

        Assert.Equal(AppRole.Responder, decision.Role);
        Assert.Equal("in none of the mapped groups: the default role", decision.Reason);
    }

    [Fact]
    public void Decide_WithDefaultRoleNone_RefusesSomeoneInNoMappedGroup()
    {
        var decision = SsoRoleRules.Decide(Map with { DefaultRole = SsoDefaultRole.None }, [], currentRole: AppRole.Viewer);

        Assert.True(decision.IsRefused);
        Assert.Null(decision.Role);
    }

    [Fact]
    public void Decide_WithNoGroupsMapped_KeepsTheRoleAnAdminGave_AndGivesNewcomersTheDefault()
    {
        var unmapped = SsoRoleMap.Unmapped(SsoDefaultRole.Responder);

        Assert.Equal(AppRole.Admin, SsoRoleRules.Decide(unmapped, ["ih-viewers"], currentRole: AppRole.Admin).Role);
        Assert.Equal(AppRole.Responder, SsoRoleRules.Decide(unmapped, ["ih-viewers"], currentRole: null).Role);
        Assert.False(unmapped.MapsGroups);
        Assert.True(Map.MapsGroups);
    }

    [Fact]
    public void Decide_IgnoresBlankGroups()
    {
        Assert.Equal(AppRole.Viewer, SsoRoleRules.Decide(Map with { AdminGroups = ["ih-admins"] }, ["", "  "], currentRole: null).Role);
    }
}
