using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatMessageRevisionConfiguration : IEntityTypeConfiguration<ChatMessageRevision>
{
    public void Configure(EntityTypeBuilder<ChatMessageRevision> builder)
    {
        builder.ToTable("ChatMessageRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Text).HasMaxLength(TimelineEntryConfiguration.TextMax).IsRequired();
        builder.HasIndex(r => new { r.MessageEntryId, r.Since }).IsUnique();
    }
}
