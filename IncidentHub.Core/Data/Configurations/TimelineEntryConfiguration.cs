using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    /// <summary>Slack allows 40,000 characters in a message; the timeline keeps all of it.</summary>
    public const int TextMax = 40_000;

    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("TimelineEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(e => e.Text).HasMaxLength(TextMax).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(1_000);
        builder.Property(e => e.ExternalId).HasMaxLength(200);

        builder.HasIndex(e => new { e.IncidentId, e.OccurredAt, e.Id });
        builder.HasIndex(e => new { e.IncidentId, e.Source, e.ExternalId }).IsUnique();

        // Insights count the skipped updates of a period from the few entries of that kind, not from every entry.
        builder.HasIndex(e => new { e.Kind, e.IncidentId });

        builder.HasOne(e => e.Update).WithMany().HasForeignKey(e => e.UpdateId).OnDelete(DeleteBehavior.NoAction);
    }
}
