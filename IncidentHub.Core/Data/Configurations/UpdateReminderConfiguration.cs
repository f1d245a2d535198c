using IncidentHub.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class UpdateReminderConfiguration : IEntityTypeConfiguration<UpdateReminder>
{
    public void Configure(EntityTypeBuilder<UpdateReminder> builder)
    {
        builder.ToTable("UpdateReminders");
        builder.HasKey(r => r.IncidentId);
        builder.Property(r => r.IncidentId).ValueGeneratedNever();
        builder.Property(r => r.LeadId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ClaimToken).HasMaxLength(40);
        // The sweep asks "which nudges are due?" and then "which did I claim?".
        builder.HasIndex(r => r.NextNudgeAtTicks);
        builder.HasIndex(r => r.ClaimToken);
        builder.Ignore(r => r.NextNudgeAt);
        builder.Ignore(r => r.Cadence);
        builder.Ignore(r => r.CadenceMinutes);
        builder.Ignore(r => r.IsRunning);
    }
}
