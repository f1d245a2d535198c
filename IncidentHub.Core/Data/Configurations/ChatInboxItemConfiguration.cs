using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatInboxItemConfiguration : IEntityTypeConfiguration<ChatInboxItem>
{
    /// <summary>The largest event kept (the endpoints refuse bigger bodies before this).</summary>
    public const int PayloadMax = 256 * 1024;

    public void Configure(EntityTypeBuilder<ChatInboxItem> builder)
    {
        builder.ToTable("ChatInbox");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.EventId).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Kind).HasMaxLength(60).IsRequired();
        builder.Property(i => i.Payload).HasMaxLength(PayloadMax);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.LeaseToken).HasMaxLength(40);
        builder.Property(i => i.Outcome).HasMaxLength(200);
        // A retried delivery finds its first copy.
        builder.HasIndex(i => i.EventId).IsUnique();
        // The sweep asks "what is pending and due?", oldest first.
        builder.HasIndex(i => new { i.Status, i.NextAttemptAtTicks, i.Id });
        builder.HasIndex(i => i.LeaseToken);
    }
}
