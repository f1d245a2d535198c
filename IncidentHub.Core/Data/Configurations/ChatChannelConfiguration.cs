using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatChannelConfiguration : IEntityTypeConfiguration<ChatChannel>
{
    public void Configure(EntityTypeBuilder<ChatChannel> builder)
    {
        builder.ToTable("ChatChannels");
        builder.HasKey(c => c.IncidentId);
        builder.Property(c => c.IncidentId).ValueGeneratedNever();
        builder.Property(c => c.ExternalId).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.AnnouncementChannelId).HasMaxLength(40);
        builder.Property(c => c.AnnouncementMessageId).HasMaxLength(40);
        builder.Ignore(c => c.Exists);
        // A channel belongs to one incident at most; events find their incident through it.
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasOne(c => c.Incident).WithOne().HasForeignKey<ChatChannel>(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
