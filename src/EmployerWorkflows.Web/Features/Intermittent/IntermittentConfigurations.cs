using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Web.Features.Intermittent;

internal sealed class ServiceRegistrationConfiguration : IEntityTypeConfiguration<ServiceRegistration>
{
    public void Configure(EntityTypeBuilder<ServiceRegistration> b)
    {
        b.ToTable("IntermittentRegistrations");
        b.HasKey(r => r.Id);
        b.Property(r => r.UserId).HasMaxLength(64).IsRequired();
        b.Property(r => r.DecisionReason).HasMaxLength(4000);
        b.HasIndex(r => r.UserId);
        b.HasIndex(r => r.InstanceId).IsUnique();
    }
}

internal sealed class CallCommunicationConfiguration : IEntityTypeConfiguration<CallCommunication>
{
    public void Configure(EntityTypeBuilder<CallCommunication> b)
    {
        b.ToTable("IntermittentCommunications");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(15);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.EmployerCf).HasMaxLength(16).IsRequired();
        b.Property(c => c.EmployerName).HasMaxLength(200).IsRequired();
        b.Property(c => c.EmployerEmail).HasMaxLength(320).IsRequired();
        b.Property(c => c.CreatedByUserId).HasMaxLength(64).IsRequired();
        b.Property(c => c.Channel).HasMaxLength(8).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.RegistrationId, c.Status });
        b.HasIndex(c => c.EmployerCf);
        b.HasOne<ServiceRegistration>().WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CommunicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallLineConfiguration : IEntityTypeConfiguration<CallLine>
{
    public void Configure(EntityTypeBuilder<CallLine> b)
    {
        b.ToTable("IntermittentCallLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.WorkerCf).HasMaxLength(16).IsRequired();
        b.Property(l => l.CoCode).HasMaxLength(16);
        b.Ignore(l => l.LastDay);
        b.HasIndex(l => new { l.WorkerCf, l.Status });
    }
}

internal sealed class IntermittentContractConfiguration : IEntityTypeConfiguration<IntermittentContract>
{
    public void Configure(EntityTypeBuilder<IntermittentContract> b)
    {
        b.ToTable("IntermittentContracts");
        b.HasKey(c => c.Id);
        b.Property(c => c.EmployerCf).HasMaxLength(16).IsRequired();
        b.Property(c => c.WorkerCf).HasMaxLength(16).IsRequired();
        b.Property(c => c.CoCode).HasMaxLength(16).IsRequired();
        b.HasIndex(c => c.CoCode).IsUnique();
        b.HasIndex(c => new { c.EmployerCf, c.WorkerCf });
    }
}

internal sealed class SmsNumberConfiguration : IEntityTypeConfiguration<SmsNumber>
{
    public void Configure(EntityTypeBuilder<SmsNumber> b)
    {
        b.ToTable("IntermittentSmsNumbers");
        b.HasKey(n => n.Id);
        b.Property(n => n.NationalNumber).HasMaxLength(10).IsRequired();
        b.Property(n => n.CreatedByUserId).HasMaxLength(64).IsRequired();
        b.HasIndex(n => n.NationalNumber).IsUnique();
        b.HasOne<ServiceRegistration>().WithMany().HasForeignKey(n => n.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
