using IncidentHub.Core.IncidentTypes;
using IncidentHub.Core.Severities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class IncidentTypeConfiguration : IEntityTypeConfiguration<IncidentType>
{
    public void Configure(EntityTypeBuilder<IncidentType> builder)
    {
        builder.ToTable("IncidentTypes");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(IncidentType.NameMax).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(IncidentType.DescriptionMax).IsRequired();
        builder.Property(t => t.ChannelPrefix).HasMaxLength(IncidentType.ChannelPrefixMax).IsRequired();
        // A short list of role ids ("3,5"): settings the type reads whole, never filtered on.
        builder.Property<string>("_expectedRoleIds").HasColumnName("ExpectedRoleIds").HasMaxLength(200).IsRequired();
        builder.Ignore(t => t.ExpectedRoleIds);
        builder.HasOne<Severity>().WithMany().HasForeignKey(t => t.DefaultSeverityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
