using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Runtime.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.MessageId).HasMaxLength(200).IsRequired();
        b.HasIndex(m => m.MessageId).IsUnique();
        b.Property(m => m.To).HasMaxLength(320).IsRequired();
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        b.Property(m => m.Language).HasMaxLength(8);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
        b.Property(m => m.RecipientUserId).HasMaxLength(64);
        b.Property(m => m.Template).HasMaxLength(100);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.RecipientUserId);
        b.HasIndex(m => m.InstanceId);
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> b)
    {
        b.ToTable("OutboxAttachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
    }
}
