using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Web.Features.Identity;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.CodiceFiscale).HasMaxLength(16).IsRequired();
        b.HasIndex(u => u.CodiceFiscale).IsUnique();
        b.Property(u => u.FirstName).HasMaxLength(100);
        b.Property(u => u.LastName).HasMaxLength(100);
        b.Property(u => u.PreferredLanguage).HasMaxLength(8);
    }
}
