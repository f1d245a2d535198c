using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatOutboxItemConfiguration : IEntityTypeConfiguration<ChatOutboxItem>
{
    public void Configure(EntityTypeBuilder<ChatOutboxItem> builder)
    {
        builder.ToTable("ChatOutbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Payload).HasMaxLength(TextLimits.LongText * 2).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.LeaseToken).HasMaxLength(40);
        builder.Property(o => o.LastError).HasMaxLength(200);
        builder.Property(o => o.ResultId).HasMaxLength(40);
        // Lanes: the head of each incident's queue is its oldest pending call.
        builder.HasIndex(o => new { o.Status, o.IncidentId, o.Id });
        builder.HasOne(o => o.Incident).WithMany().HasForeignKey(o => o.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
