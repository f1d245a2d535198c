using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatAttachmentContentConfiguration : IEntityTypeConfiguration<ChatAttachmentContent>
{
    public void Configure(EntityTypeBuilder<ChatAttachmentContent> builder)
    {
        builder.ToTable("ChatAttachmentContents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.AttachmentId).ValueGeneratedNever();
        builder.Property(c => c.Bytes).IsRequired();
        builder.HasOne(c => c.Attachment).WithOne().HasForeignKey<ChatAttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
