using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Web.Features.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.ToTable("Companies");
        b.HasKey(c => c.Id);
        b.Property(c => c.CodiceFiscale).HasMaxLength(16).IsRequired();
        b.HasIndex(c => c.CodiceFiscale).IsUnique();
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.HasIndex(c => c.Name);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.Pec).HasMaxLength(320);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.SubmittedByUserId).HasMaxLength(450);
        b.HasIndex(c => c.SubmittedByUserId);
        b.OwnsOne(c => c.RegisteredOffice, a =>
        {
            a.Property(x => x.Street).HasMaxLength(200).HasColumnName("OfficeStreet");
            a.Property(x => x.PostalCode).HasMaxLength(10).HasColumnName("OfficePostalCode");
            a.Property(x => x.Municipality).HasMaxLength(100).HasColumnName("OfficeMunicipality");
            a.Property(x => x.Province).HasMaxLength(2).HasColumnName("OfficeProvince");
            a.Property(x => x.Country).HasMaxLength(2).HasColumnName("OfficeCountry");
        });
        b.OwnsOne(c => c.LegalRepresentative, r =>
        {
            r.Property(x => x.FirstName).HasMaxLength(100).HasColumnName("LegalRepFirstName");
            r.Property(x => x.LastName).HasMaxLength(100).HasColumnName("LegalRepLastName");
            r.Property(x => x.CodiceFiscale).HasMaxLength(16).HasColumnName("LegalRepCodiceFiscale");
        });
        b.HasMany(c => c.Types).WithOne().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Units).WithOne().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyTypeDeclarationConfiguration : IEntityTypeConfiguration<CompanyTypeDeclaration>
{
    public void Configure(EntityTypeBuilder<CompanyTypeDeclaration> b)
    {
        b.ToTable("CompanyTypes");
        b.Property(t => t.Type).HasMaxLength(60).IsRequired();
        b.Property(t => t.RegisterName).HasMaxLength(200);
        b.Property(t => t.RegisterNumber).HasMaxLength(60);
        b.HasIndex(t => new { t.CompanyId, t.Type }).IsUnique();
    }
}

internal sealed class OrganisationalUnitConfiguration : IEntityTypeConfiguration<OrganisationalUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationalUnit> b)
    {
        b.ToTable("OrganisationalUnits");
        b.Property(u => u.Name).HasMaxLength(200).IsRequired();
        b.Property(u => u.Code).HasMaxLength(40);
        b.HasIndex(u => u.CompanyId);
    }
}
