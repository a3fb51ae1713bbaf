using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Web.Features.JobRoom;

internal sealed class UidRegisterEntryConfiguration : IEntityTypeConfiguration<UidRegisterEntry>
{
    public void Configure(EntityTypeBuilder<UidRegisterEntry> b)
    {
        b.ToTable("JobRoomUidRegister");
        b.HasKey(e => e.Id);
        b.Property(e => e.Uid).HasMaxLength(12).IsRequired();
        b.HasIndex(e => e.Uid).IsUnique();
        b.Property(e => e.Name).HasMaxLength(200).IsRequired();
        b.Property(e => e.Street).HasMaxLength(200).IsRequired();
        b.Property(e => e.PostalCode).HasMaxLength(10).IsRequired();
        b.Property(e => e.Town).HasMaxLength(100).IsRequired();
        b.Property(e => e.Country).HasMaxLength(2).IsRequired();
        b.Property(e => e.UpdatedByUserId).HasMaxLength(64);
    }
}

internal sealed class JobRoomAccountConfiguration : IEntityTypeConfiguration<JobRoomAccount>
{
    public void Configure(EntityTypeBuilder<JobRoomAccount> b)
    {
        b.ToTable("JobRoomAccounts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Uid).HasMaxLength(12).IsRequired();
        b.Property(a => a.UserId).HasMaxLength(64).IsRequired();
        b.Property(a => a.Email).HasMaxLength(320).IsRequired();
        b.Property(a => a.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(a => a.Language).HasMaxLength(2).IsRequired();
        b.Property(a => a.Version).IsConcurrencyToken();
        // One account per person and UID; a refused or expired request is reopened rather than duplicated.
        b.HasIndex(a => new { a.Uid, a.UserId }).IsUnique();
        b.HasIndex(a => a.UserId);
        b.HasOne<UidRegisterEntry>().WithMany().HasForeignKey(a => a.RegisterEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BackPaymentCaseConfiguration : IEntityTypeConfiguration<BackPaymentCase>
{
    public void Configure(EntityTypeBuilder<BackPaymentCase> b)
    {
        b.ToTable("JobRoomBackPaymentCases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Uid).HasMaxLength(12).IsRequired();
        b.Property(c => c.RisNumber).HasMaxLength(9).IsRequired();
        b.HasIndex(c => c.Uid);
        b.HasIndex(c => c.RenewalProposedAt);
        b.HasOne<UidRegisterEntry>().WithMany().HasForeignKey(c => c.RegisterEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobRoomAccount>().WithMany().HasForeignKey(c => c.FiledByAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WriteRightsProcedureConfiguration : IEntityTypeConfiguration<WriteRightsProcedure>
{
    public void Configure(EntityTypeBuilder<WriteRightsProcedure> b)
    {
        b.ToTable("JobRoomWriteRightsProcedures");
        b.HasKey(p => p.Id);
        b.Property(p => p.Reference).HasMaxLength(20).IsRequired();
        b.HasIndex(p => p.Reference).IsUnique();
        b.Property(p => p.Uid).HasMaxLength(12).IsRequired();
        b.HasIndex(p => p.Uid);
        b.HasIndex(p => p.InstanceId).IsUnique();
        b.Property(p => p.RequesterUserId).HasMaxLength(64);
        b.HasOne<UidRegisterEntry>().WithMany().HasForeignKey(p => p.RegisterEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
