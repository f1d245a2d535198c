using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("ChatMessages");
        builder.HasKey(m => m.EntryId);
        builder.Property(m => m.EntryId).ValueGeneratedNever();
        builder.Property(m => m.ThreadId).HasMaxLength(40);
        builder.Property(m => m.AuthorExternalId).HasMaxLength(40).IsRequired();
        builder.Ignore(m => m.IsDeleted);
        builder.HasOne(m => m.Entry).WithOne().HasForeignKey<ChatMessage>(m => m.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Revisions).WithOne().HasForeignKey(r => r.MessageEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attachments).WithOne(a => a.Message).HasForeignKey(a => a.MessageEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
