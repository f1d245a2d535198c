using IncidentHub.Core.Common;
using IncidentHub.Core.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class IncidentUpdateConfiguration : IEntityTypeConfiguration<IncidentUpdate>
{
    public void Configure(EntityTypeBuilder<IncidentUpdate> builder)
    {
        builder.ToTable("IncidentUpdates");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(u => u.AuthorName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(u => u.Message).HasMaxLength(TextLimits.LongText).IsRequired();
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.SeverityName).HasMaxLength(50).IsRequired();
        builder.HasIndex(u => new { u.IncidentId, u.PostedAt });
    }
}
