using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Runtime.Journal;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("WorkflowJournal");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).ValueGeneratedOnAdd();
        b.Property(j => j.DefinitionId).HasMaxLength(100);
        b.Property(j => j.UserId).HasMaxLength(64);
        b.Property(j => j.CodiceFiscale).HasMaxLength(16);
        b.Property(j => j.ActorName).HasMaxLength(200).IsRequired();
        b.Property(j => j.Trigger).HasMaxLength(100);
        b.Property(j => j.FromState).HasMaxLength(100);
        b.Property(j => j.ToState).HasMaxLength(100);
        b.Property(j => j.Summary).HasMaxLength(4000).IsRequired();
        // Keyset paging, newest first: (filter, Id descending).
        b.HasIndex(j => new { j.InstanceId, j.Id });
        b.HasIndex(j => new { j.CompanyId, j.Id });
        b.HasIndex(j => new { j.UserId, j.Id });
    }
}
