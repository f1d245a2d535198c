using IncidentHub.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class RoleDefinitionConfiguration : IEntityTypeConfiguration<RoleDefinition>
{
    public void Configure(EntityTypeBuilder<RoleDefinition> builder)
    {
        builder.ToTable("RoleDefinitions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Name).HasMaxLength(RoleDefinition.NameMax).IsRequired();
        builder.Property(r => r.Instructions).HasMaxLength(RoleDefinition.InstructionsMax).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsBuiltIn);
        builder.Ignore(r => r.IsAssignable);
    }
}
