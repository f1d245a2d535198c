using IncidentHub.Core.Common;
using IncidentHub.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("RoleAssignments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.HasIndex(r => new { r.IncidentId, r.RoleDefinitionId, r.EndedAt });
        builder.HasOne(r => r.RoleDefinition).WithMany().HasForeignKey(r => r.RoleDefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsCurrent);
    }
}
