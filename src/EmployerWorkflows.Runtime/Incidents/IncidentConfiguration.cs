using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Runtime.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("WorkflowIncidents");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.ActivityId).HasMaxLength(100);
        b.Property(i => i.ActivityKind).HasMaxLength(50).IsRequired();
        b.Property(i => i.Message).HasMaxLength(4000).IsRequired();
        b.Property(i => i.FromState).HasMaxLength(100).IsRequired();
        b.Property(i => i.Trigger).HasMaxLength(100);
        b.Property(i => i.ActorUserId).HasMaxLength(64);
        b.Property(i => i.Resolution).HasMaxLength(500);
        b.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
        b.HasIndex(i => i.At);
    }
}
