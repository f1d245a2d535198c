using IncidentHub.Core.Users.SingleSignOn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentHub.Core.Data.Configurations;

internal sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> builder)
    {
        builder.ToTable("AccountEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40).IsRequired();
        builder.Property(e => e.Text).HasMaxLength(AccountEvent.TextMax).IsRequired();
        // The audit page reads the newest first; one account's lines by account.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.UserId);
    }
}
