using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Web.Features.Intermediaries;

internal sealed class IntermediaryConfiguration : IEntityTypeConfiguration<Intermediary>
{
    public void Configure(EntityTypeBuilder<Intermediary> b)
    {
        b.ToTable("Intermediaries");
        b.Property(i => i.UserId).HasMaxLength(450).IsRequired();
        b.Property(i => i.Type).HasMaxLength(60).IsRequired();
        b.Property(i => i.Name).HasMaxLength(200).IsRequired();
        b.Property(i => i.RegisterName).HasMaxLength(200).IsRequired();
        b.Property(i => i.RegisterNumber).HasMaxLength(40).IsRequired();
        b.HasIndex(i => i.UserId).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> b)
    {
        b.ToTable("Delegations");
        b.Property(d => d.Scope).HasMaxLength(1000).IsRequired();
        b.Property(d => d.InvitedByUserId).HasMaxLength(450).IsRequired();
        b.Property(d => d.RevokedByUserId).HasMaxLength(450);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.Procedures);
        b.HasIndex(d => new { d.CompanyId, d.IntermediaryId });
        b.HasIndex(d => d.IntermediaryId);
        b.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Intermediary>().WithMany().HasForeignKey(d => d.IntermediaryId).OnDelete(DeleteBehavior.Restrict);
    }
}
