using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatMarkConfiguration : IEntityTypeConfiguration<ChatMark>
{
    public void Configure(EntityTypeBuilder<ChatMark> builder)
    {
        builder.ToTable("ChatMarks");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(40).IsRequired();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.By).HasMaxLength(40).IsRequired();
        builder.HasIndex(m => new { m.IncidentId, m.MessageId, m.Kind, m.By }).IsUnique();
        builder.HasOne<Incidents.Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
