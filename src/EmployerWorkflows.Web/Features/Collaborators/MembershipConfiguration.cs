using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Web.Features.Collaborators;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("Memberships");
        b.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        b.Property(m => m.CreatedByUserId).HasMaxLength(450);
        b.Property(m => m.SuspensionReason).HasMaxLength(500);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.CompanyId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Profiles).WithOne().HasForeignKey(p => p.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileAssignmentConfiguration : IEntityTypeConfiguration<ProfileAssignment>
{
    public void Configure(EntityTypeBuilder<ProfileAssignment> b)
    {
        b.ToTable("ProfileAssignments");
        b.Property(p => p.Profile).HasMaxLength(60).IsRequired();
        b.HasIndex(p => new { p.MembershipId, p.Profile, p.UnitId }).IsUnique();
        b.HasOne<OrganisationalUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
