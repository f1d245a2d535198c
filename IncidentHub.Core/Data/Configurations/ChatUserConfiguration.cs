using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ChatUserConfiguration : IEntityTypeConfiguration<ChatUser>
{
    public void Configure(EntityTypeBuilder<ChatUser> builder)
    {
        builder.ToTable("ChatUsers");
        builder.HasKey(u => u.ExternalId);
        builder.Property(u => u.ExternalId).HasMaxLength(40);
        builder.Property(u => u.DisplayName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.MatchedUserId).HasMaxLength(450);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(u => u.MatchedUserId);
    }
}
