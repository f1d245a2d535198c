using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatAttachmentConfiguration : IEntityTypeConfiguration<ChatAttachment>
{
    public void Configure(EntityTypeBuilder<ChatAttachment> builder)
    {
        builder.ToTable("ChatAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ExternalId).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.DeclaredContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.SourceUrl).HasMaxLength(2_000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Problem).HasMaxLength(300);
        builder.HasIndex(a => new { a.MessageEntryId, a.ExternalId }).IsUnique();
        // The copier asks "what is still to copy?".
        builder.HasIndex(a => new { a.Status, a.NextAttemptAtTicks });
    }
}
