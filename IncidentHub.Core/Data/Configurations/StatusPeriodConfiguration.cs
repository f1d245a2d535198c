using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class StatusPeriodConfiguration : IEntityTypeConfiguration<StatusPeriod>
{
    public void Configure(EntityTypeBuilder<StatusPeriod> builder)
    {
        builder.ToTable("StatusPeriods");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.IncidentId, p.EndedAt });
        builder.Ignore(p => p.IsCurrent);
    }
}
