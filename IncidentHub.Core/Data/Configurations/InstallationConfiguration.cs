using IncidentHub.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class InstallationConfiguration : IEntityTypeConfiguration<Installation>
{
    public void Configure(EntityTypeBuilder<Installation> builder)
    {
        builder.ToTable("Installation");
        builder.HasKey(i => i.Id);
        // Always 1: the key is the lock. No foreign key: the row is written before the administrator it names.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FirstAdminId).HasMaxLength(450).IsRequired();
    }
}
