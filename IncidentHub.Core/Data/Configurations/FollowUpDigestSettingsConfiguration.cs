using IncidentHub.Core.FollowUps.Digest;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class FollowUpDigestSettingsConfiguration : IEntityTypeConfiguration<FollowUpDigestSettings>
{
    public void Configure(EntityTypeBuilder<FollowUpDigestSettings> builder)
    {
        builder.ToTable("FollowUpDigestSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.TimeZoneId).HasMaxLength(FollowUpDigestSettings.TimeZoneIdMaxLength).IsRequired();
        builder.Property(s => s.SavedBy).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();

        // The one row, there from the first migration on: two hosts starting at once never race to create it.
        var defaults = FollowUpDigestSettings.Defaults();
        builder.HasData(new
        {
            defaults.Id,
            defaults.IsEnabled,
            defaults.Day,
            defaults.Hour,
            defaults.TimeZoneId,
            defaults.Version,
        });
    }
}
