using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class StatusComponentConfiguration : IEntityTypeConfiguration<StatusComponent>
{
    public void Configure(EntityTypeBuilder<StatusComponent> builder)
    {
        builder.ToTable("StatusComponents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(StatusComponent.NameMax).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(StatusComponent.DescriptionMax).IsRequired();
        // Existing services were all on the status page: the migration adds IsPublic with true for them.
        builder.Property(c => c.OwnerTeam).HasMaxLength(StatusComponent.OwnerTeamMax).IsRequired();
        builder.Property(c => c.Link).HasMaxLength(StatusComponent.LinkMax).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> builder)
    {
        builder.ToTable("PublicNotices");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => n.IncidentId).IsUnique();
        builder.HasIndex(n => new { n.FirstPublishedAt, n.ResolvedAt });
        builder.HasOne<Incident>().WithMany().HasForeignKey(n => n.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Title).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.DraftTitle).HasMaxLength(TextLimits.Name);
        builder.Property(n => n.DraftMessage).HasMaxLength(PublicNoticeForm.MessageMax);
        builder.Property(n => n.DraftStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.DraftImpacts).HasMaxLength(2_000);
        builder.Property(n => n.DraftedByName).HasMaxLength(TextLimits.PersonName);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasMany(n => n.Updates).WithOne().HasForeignKey(u => u.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Impacts).WithOne().HasForeignKey(i => i.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(n => n.Impacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(n => n.IsPublished);
        builder.Ignore(n => n.IsOpen);
        builder.Ignore(n => n.HasDraft);
        builder.Ignore(n => n.DraftImpactMap);
    }
}

internal sealed class PublicUpdateConfiguration : IEntityTypeConfiguration<PublicUpdate>
{
    public void Configure(EntityTypeBuilder<PublicUpdate> builder)
    {
        builder.ToTable("PublicUpdates");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Title).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(u => u.Message).HasMaxLength(PublicNoticeForm.MessageMax).IsRequired();
        builder.Property(u => u.PublishedById).HasMaxLength(450).IsRequired();
        builder.HasIndex(u => new { u.NoticeId, u.PublishedAt });
    }
}

internal sealed class PublicImpactConfiguration : IEntityTypeConfiguration<PublicImpact>
{
    public void Configure(EntityTypeBuilder<PublicImpact> builder)
    {
        builder.ToTable("PublicImpacts");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(i => new { i.ComponentId, i.From });
        builder.HasOne<StatusComponent>().WithMany().HasForeignKey(i => i.ComponentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(i => i.IsCurrent);
    }
}
