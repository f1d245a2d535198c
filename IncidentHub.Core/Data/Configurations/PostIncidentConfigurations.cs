using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.PostIncident;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class PostIncidentTaskDefinitionConfiguration : IEntityTypeConfiguration<PostIncidentTaskDefinition>
{
    public void Configure(EntityTypeBuilder<PostIncidentTaskDefinition> builder)
    {
        builder.ToTable("PostIncidentTaskDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(d => d.Guidance).HasMaxLength(TextLimits.Reason).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<RoleDefinition>().WithMany().HasForeignKey(d => d.OwnerRoleDefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Severities).WithOne().HasForeignKey(s => s.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Severities).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PostIncidentTaskSeverityConfiguration : IEntityTypeConfiguration<PostIncidentTaskSeverity>
{
    public void Configure(EntityTypeBuilder<PostIncidentTaskSeverity> builder)
    {
        builder.ToTable("PostIncidentTaskSeverities");
        builder.HasKey(s => new { s.DefinitionId, s.SeverityId });
        builder.HasOne<Severity>().WithMany().HasForeignKey(s => s.SeverityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostIncidentTaskConfiguration : IEntityTypeConfiguration<PostIncidentTask>
{
    public void Configure(EntityTypeBuilder<PostIncidentTask> builder)
    {
        builder.ToTable("PostIncidentTasks");
        builder.HasKey(t => t.Id);
        builder.HasOne<Incident>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
        // One task per definition per incident: resolving again after a reopening never duplicates one.
        builder.HasIndex(t => new { t.IncidentId, t.DefinitionId }).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(t => t.Guidance).HasMaxLength(TextLimits.Reason).IsRequired();
        builder.Property(t => t.OwnerRoleName).HasMaxLength(RoleDefinition.NameMax).IsRequired();
        builder.Property(t => t.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.OwnerName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(t => t.DoneById).HasMaxLength(450);
        builder.Property(t => t.DoneByName).HasMaxLength(TextLimits.PersonName);
        builder.Property(t => t.ClaimToken).HasMaxLength(40);
        builder.Property(t => t.Version).IsConcurrencyToken();
        // The nudge sweep: open tasks by due time, then the ones it claimed.
        builder.HasIndex(t => new { t.DoneAt, t.DueAt });
        builder.HasIndex(t => t.ClaimToken);
    }
}
