using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class IncidentAccessGrantConfiguration : IEntityTypeConfiguration<IncidentAccessGrant>
{
    public void Configure(EntityTypeBuilder<IncidentAccessGrant> builder)
    {
        builder.ToTable("IncidentAccessGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.UserId).HasMaxLength(450).IsRequired();
        builder.Property(g => g.UserName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(g => g.GrantedById).HasMaxLength(450).IsRequired();
        builder.HasIndex(g => new { g.IncidentId, g.UserId, g.RevokedAt });
        builder.HasOne<Incident>().WithMany().HasForeignKey(g => g.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(g => g.IsActive);
    }
}

internal sealed class IncidentAccessRequestConfiguration : IEntityTypeConfiguration<IncidentAccessRequest>
{
    public void Configure(EntityTypeBuilder<IncidentAccessRequest> builder)
    {
        builder.ToTable("IncidentAccessRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(TextLimits.Reason);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DecidedById).HasMaxLength(450);
        builder.HasIndex(r => new { r.IncidentId, r.Status });
        builder.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentAccessLogConfiguration : IEntityTypeConfiguration<IncidentAccessLogEntry>
{
    public void Configure(EntityTypeBuilder<IncidentAccessLogEntry> builder)
    {
        builder.ToTable("IncidentAccessLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.HasIndex(e => new { e.IncidentId, e.At });
        builder.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
