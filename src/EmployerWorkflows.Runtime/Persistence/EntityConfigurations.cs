using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Runtime.Persistence;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.ToTable("WorkflowInstances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.DefinitionId).HasMaxLength(100).IsRequired();
        b.Property(i => i.State).HasMaxLength(100).IsRequired();
        b.Property(i => i.Variables).IsRequired();
        b.Property(i => i.CorrelationId).HasMaxLength(200);
        b.Property(i => i.CreatedBy).HasMaxLength(64);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.DefinitionId, i.Status });
        b.HasIndex(i => i.CorrelationId);
        b.HasIndex(i => i.CompanyId);
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> b)
    {
        b.ToTable("WorkflowTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.DefinitionId).HasMaxLength(100).IsRequired();
        b.Property(t => t.State).HasMaxLength(100).IsRequired();
        b.Property(t => t.ActivityId).HasMaxLength(100);
        b.Property(t => t.Form).HasMaxLength(100).IsRequired();
        b.Property(t => t.Actions).HasMaxLength(1000).IsRequired();
        b.Property(t => t.Role).HasMaxLength(64);
        b.Property(t => t.AssigneeUserId).HasMaxLength(64);
        b.Property(t => t.ClaimedByUserId).HasMaxLength(64);
        b.Property(t => t.ClosedByUserId).HasMaxLength(64);
        b.Property(t => t.Outcome).HasMaxLength(100);
        b.Property(t => t.TitleIt).HasMaxLength(300).IsRequired();
        b.Property(t => t.TitleEn).HasMaxLength(300).IsRequired();
        b.Ignore(t => t.ActionList);
        // Inboxes: open tasks of a role or of a person, by due date, keyset-paged on Id.
        b.HasIndex(t => new { t.Status, t.Role, t.DueAt, t.Id });
        b.HasIndex(t => new { t.Status, t.AssigneeUserId, t.DueAt, t.Id });
        // The same inboxes sorted by priority (highest first), then due date.
        b.HasIndex(t => new { t.Status, t.Role, t.Priority, t.DueAt, t.Id });
        b.HasIndex(t => new { t.Status, t.AssigneeUserId, t.Priority, t.DueAt, t.Id });
        // The same inboxes oldest first.
        b.HasIndex(t => new { t.Status, t.Role, t.CreatedAt, t.Id });
        b.HasIndex(t => new { t.Status, t.AssigneeUserId, t.CreatedAt, t.Id });
        b.HasIndex(t => t.CompanyId);
        // Leaving a state closes the instance's open tasks.
        b.HasIndex(t => new { t.InstanceId, t.Status });
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> b)
    {
        b.ToTable("WorkflowTimers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.State).HasMaxLength(100).IsRequired();
        b.Property(t => t.ActivityId).HasMaxLength(100);
        b.Property(t => t.Trigger).HasMaxLength(100);
        b.Property(t => t.Template).HasMaxLength(100);
        b.Property(t => t.To).HasMaxLength(1000);
        b.Property(t => t.Every).HasMaxLength(50);
        b.Property(t => t.Escalate).HasMaxLength(100);
        b.Property(t => t.ClaimedBy).HasMaxLength(100);
        b.HasIndex(t => new { t.Status, t.DueAt });
        b.HasIndex(t => new { t.InstanceId, t.Status });
    }
}

internal sealed class ProcessedCommandConfiguration : IEntityTypeConfiguration<ProcessedCommand>
{
    public void Configure(EntityTypeBuilder<ProcessedCommand> b)
    {
        b.ToTable("WorkflowProcessedCommands");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.IdempotencyKey).HasMaxLength(200).IsRequired();
        b.HasIndex(c => c.IdempotencyKey).IsUnique();
        b.Property(c => c.ResultJson).IsRequired();
    }
}

internal sealed class WorkflowDefinitionVersionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionVersion> b)
    {
        b.ToTable("WorkflowDefinitionVersions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.DefinitionId).HasMaxLength(100).IsRequired();
        b.Property(v => v.Json).IsRequired();
        b.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(v => v.TitleIt).HasMaxLength(300).IsRequired();
        b.Property(v => v.TitleEn).HasMaxLength(300).IsRequired();
        b.Property(v => v.CreatedBy).HasMaxLength(64);
        b.Property(v => v.Revision).IsConcurrencyToken();
        // Drafts hold version 0 and there is at most one per definition; published numbers are unique.
        b.HasIndex(v => new { v.DefinitionId, v.Version }).IsUnique();
        b.HasIndex(v => new { v.DefinitionId, v.Status });
    }
}
