using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class IncidentActionConfiguration : IEntityTypeConfiguration<IncidentAction>
{
    public void Configure(EntityTypeBuilder<IncidentAction> builder)
    {
        builder.ToTable("IncidentActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(a => a.OwnerId).HasMaxLength(450);
        builder.Property(a => a.OwnerName).HasMaxLength(TextLimits.PersonName);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.NotDoingReason).HasMaxLength(TextLimits.Reason);
        builder.Property(a => a.TrackerUrl).HasMaxLength(TextLimits.Url);
        // The follow-ups page: outstanding ones, soonest due first; and "mine".
        builder.HasIndex(a => new { a.Kind, a.Status, a.DueAt });
        builder.HasIndex(a => new { a.OwnerId, a.Kind, a.Status });
        // The follow-up nudge sweep claims with a token, then reads back what it claimed.
        builder.Property(a => a.NudgeClaimToken).HasMaxLength(40);
        builder.HasIndex(a => a.NudgeClaimToken);
    }
}
