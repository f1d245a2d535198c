using Bunit;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Shared;

namespace IncidentHub.Tests.Components;

public sealed class ChipTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;

    public ValueTask InitializeAsync()
    {
        _ui = ComponentHarness.Create(database);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(3, "Critical", "mud-chip-color-error")]
    [InlineData(7, "Catastrophic", "mud-chip-color-error")]
    [InlineData(2, "Major", "mud-chip-color-warning")]
    [InlineData(1, "Minor", "mud-chip-color-info")]
    public void SeverityChip_IsColouredByRank_AndNamesTheSeverity(int rank, string name, string colourClass)
    {
        var cut = _ui.Context.Render<SeverityChip>(p => p.Add(c => c.Name, name).Add(c => c.Rank, rank));

        var chip = cut.Find("[data-testid=severity-chip]");
        Assert.Contains(colourClass, chip.ClassName, StringComparison.Ordinal);
        Assert.Equal(name, chip.TextContent.Trim());
        Assert.Equal($"Severity: {name}", chip.GetAttribute("title"));
    }

    [Theory]
    [InlineData(IncidentStatus.Triage, "mud-chip-color-secondary")]
    [InlineData(IncidentStatus.Investigating, "mud-chip-color-error")]
    [InlineData(IncidentStatus.Fixing, "mud-chip-color-warning")]
    [InlineData(IncidentStatus.Monitoring, "mud-chip-color-info")]
    [InlineData(IncidentStatus.Resolved, "mud-chip-color-success")]
    [InlineData(IncidentStatus.Closed, "mud-chip-outlined")]
    [InlineData(IncidentStatus.Declined, "mud-chip-outlined")]
    public void StatusChip_ShowsTheStatusWithItsColourAndMeaning(IncidentStatus status, string expectedClass)
    {
        var cut = _ui.Context.Render<StatusChip>(p => p.Add(c => c.Status, status));

        var chip = cut.Find("[data-testid=status-chip]");
        Assert.Contains(expectedClass, chip.ClassName, StringComparison.Ordinal);
        Assert.Equal(status.ToString(), chip.TextContent.Trim());
        Assert.Equal(status.Describe(), chip.GetAttribute("title"));
        Assert.NotEmpty(chip.QuerySelectorAll("svg"));
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
