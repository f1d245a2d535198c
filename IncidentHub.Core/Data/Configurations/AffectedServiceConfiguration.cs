using IncidentHub.Core.AffectedServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class AffectedServiceConfiguration : IEntityTypeConfiguration<AffectedService>
{
    public void Configure(EntityTypeBuilder<AffectedService> builder)
    {
        builder.ToTable("IncidentServices");
        // One row per incident and service; the second index answers "incidents affecting this service" by seeking.
        builder.HasKey(a => new { a.IncidentId, a.ServiceId });
        builder.HasIndex(a => new { a.ServiceId, a.IncidentId });
        builder.HasOne(a => a.Service).WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
