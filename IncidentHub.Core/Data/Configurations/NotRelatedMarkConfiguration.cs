using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Similar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class NotRelatedMarkConfiguration : IEntityTypeConfiguration<NotRelatedMark>
{
    public void Configure(EntityTypeBuilder<NotRelatedMark> builder)
    {
        builder.ToTable("NotRelatedMarks");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MarkedById).HasMaxLength(450).IsRequired();
        builder.Property(m => m.MarkedByName).HasMaxLength(TextLimits.PersonName).IsRequired();
        // One mark per pair, whichever side said it: a second click (or a second browser) finds the first.
        builder.HasIndex(m => new { m.LowerIncidentId, m.HigherIncidentId }).IsUnique();
        builder.HasIndex(m => m.HigherIncidentId);
        // SQL Server refuses two cascading paths from Incidents to one table: the lower side cascades, the higher restricts.
        builder.HasOne<Incident>().WithMany().HasForeignKey(m => m.LowerIncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Incident>().WithMany().HasForeignKey(m => m.HigherIncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Incident>().WithMany().HasForeignKey(m => m.MarkedOnIncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
