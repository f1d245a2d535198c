using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(i => i.Summary).HasMaxLength(TextLimits.LongText).IsRequired();
        builder.Property(i => i.CustomerImpact).HasMaxLength(TextLimits.LongText).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(i => i.IsPrivate);
        builder.HasIndex(i => i.Status);
        builder.Property(i => i.LeadId).HasMaxLength(450).IsRequired();
        builder.Property(i => i.LeadName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(i => i.DeclaredById).HasMaxLength(450).IsRequired();
        builder.HasIndex(i => i.DeclaredAt);

        // Insights read every column they need for a period from this index alone (no read of the incidents' text):
        // the period, the filters, the key times and the id.
        builder.HasIndex(i => new
        {
            i.DeclaredAt,
            i.Visibility,
            i.SeverityId,
            i.Status,
            i.ImpactStartedAt,
            i.DetectedAt,
            i.MitigatedAt,
            i.ResolvedAt,
            i.DeclinedAt,
            i.LastUpdateAt,
            i.Id,
        }).HasDatabaseName("IX_Incidents_Insights");
        builder.Property(i => i.Version).IsConcurrencyToken();

        builder.OwnsOne(i => i.PendingHandover, h =>
        {
            h.Property(x => x.FromUserId).HasColumnName("HandoverFromUserId").HasMaxLength(450).IsRequired();
            h.Property(x => x.FromName).HasColumnName("HandoverFromName").HasMaxLength(TextLimits.PersonName).IsRequired();
            h.Property(x => x.ToUserId).HasColumnName("HandoverToUserId").HasMaxLength(450).IsRequired();
            h.Property(x => x.ToName).HasColumnName("HandoverToName").HasMaxLength(TextLimits.PersonName).IsRequired();
            h.Property(x => x.Note).HasColumnName("HandoverNote").HasMaxLength(TextLimits.Reason).IsRequired();
            h.Property(x => x.OfferedById).HasColumnName("HandoverOfferedById").HasMaxLength(450).IsRequired();
            h.Property(x => x.OfferedByName).HasColumnName("HandoverOfferedByName").HasMaxLength(TextLimits.PersonName).IsRequired();
            h.Property(x => x.OfferedAt).HasColumnName("HandoverOfferedAt");
        });

        builder.HasOne(i => i.Severity).WithMany().HasForeignKey(i => i.SeverityId).OnDelete(DeleteBehavior.Restrict);

        // Indexed: the incidents list filters by type.
        builder.HasOne(i => i.Type).WithMany().HasForeignKey(i => i.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.TypeId);

        builder.HasOne(i => i.Reminder).WithOne().HasForeignKey<IncidentHub.Core.Reminders.UpdateReminder>(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Reminder).IsRequired();

        builder.HasMany(i => i.Timeline).WithOne().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Actions).WithOne().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.RoleAssignments).WithOne().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.StatusPeriods).WithOne().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.AffectedServices).WithOne().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);

        builder.Navigation(i => i.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.RoleAssignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.StatusPeriods).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.AffectedServices).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(i => i.Reference);
        builder.Ignore(i => i.IsActive);
        builder.Ignore(i => i.EndedAt);
    }
}
