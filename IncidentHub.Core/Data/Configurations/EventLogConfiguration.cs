using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class EventLogConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    /// <summary>The largest payload: an update's or a note's text with room for its fields.</summary>
    public const int PayloadMax = TextLimits.LongText * 2 + 4_000;

    public void Configure(EntityTypeBuilder<EventLogEntry> builder)
    {
        builder.ToTable("EventLog");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.ChangeId).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Kind).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(e => e.Payload).HasMaxLength(PayloadMax).IsRequired();
        // No foreign key on purpose: the log outlives anything it mentions.
        builder.HasIndex(e => new { e.IncidentId, e.Sequence });
        builder.HasIndex(e => e.ChangeId);
    }
}

internal sealed class EventConsumerPositionConfiguration : IEntityTypeConfiguration<EventConsumerPosition>
{
    public void Configure(EntityTypeBuilder<EventConsumerPosition> builder)
    {
        builder.ToTable("EventConsumers");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(100);
    }
}
