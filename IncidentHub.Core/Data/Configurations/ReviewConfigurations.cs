using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class ReviewDocumentConfiguration : IEntityTypeConfiguration<ReviewDocument>
{
    public void Configure(EntityTypeBuilder<ReviewDocument> builder)
    {
        builder.ToTable("ReviewDocuments");
        builder.HasKey(r => r.Id);
        builder.HasOne<Incident>().WithOne().HasForeignKey<ReviewDocument>(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.IncidentId).IsUnique();
        // Learnings: the newest published first.
        builder.HasIndex(r => new { r.State, r.PublishedAt });
        builder.Property(r => r.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.OwnerName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(r => r.PublishedByName).HasMaxLength(TextLimits.PersonName);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReviewDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Reviewers).WithOne().HasForeignKey(s => s.ReviewDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Reviewers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.KeyEvents).WithOne().HasForeignKey(k => k.ReviewDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.KeyEvents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewSectionConfiguration : IEntityTypeConfiguration<ReviewSection>
{
    public void Configure(EntityTypeBuilder<ReviewSection> builder)
    {
        builder.ToTable("ReviewSections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(s => s.Guidance).HasMaxLength(TextLimits.Reason).IsRequired();
        builder.Property(s => s.Prefill).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Body).HasMaxLength(TextLimits.ReviewSection).IsRequired();
        builder.Property(s => s.EditedById).HasMaxLength(450);
        builder.Property(s => s.EditedByName).HasMaxLength(TextLimits.PersonName);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class ReviewKeyEventConfiguration : IEntityTypeConfiguration<ReviewKeyEvent>
{
    public void Configure(EntityTypeBuilder<ReviewKeyEvent> builder)
    {
        builder.ToTable("ReviewKeyEvents");
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => new { k.ReviewDocumentId, k.TimelineEntryId }).IsUnique();
        // No foreign key to the entry: it goes with its incident, and so does the review (with these rows); a second
        // cascade path would be refused by SQL Server. Reads join on the incident's entries, so a row never outlives its use.
        builder.Property(k => k.Wording).HasMaxLength(TextLimits.LongText);
        builder.Property(k => k.EditedById).HasMaxLength(450);
        builder.Property(k => k.EditedByName).HasMaxLength(TextLimits.PersonName);
    }
}

internal sealed class ReviewReviewerConfiguration : IEntityTypeConfiguration<ReviewReviewer>
{
    public void Configure(EntityTypeBuilder<ReviewReviewer> builder)
    {
        builder.ToTable("ReviewReviewers");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.ReviewDocumentId, r.UserId }).IsUnique();
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Comment).HasMaxLength(TextLimits.Reason);
    }
}

internal sealed class ReviewTemplateSectionConfiguration : IEntityTypeConfiguration<ReviewTemplateSection>
{
    public void Configure(EntityTypeBuilder<ReviewTemplateSection> builder)
    {
        builder.ToTable("ReviewTemplateSections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Name).IsRequired();
        builder.Property(s => s.Guidance).HasMaxLength(TextLimits.Reason).IsRequired();
        builder.Property(s => s.Prefill).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
