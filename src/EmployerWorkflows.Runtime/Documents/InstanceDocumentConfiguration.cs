using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Runtime.Documents;

internal sealed class InstanceDocumentConfiguration : IEntityTypeConfiguration<InstanceDocument>
{
    public void Configure(EntityTypeBuilder<InstanceDocument> b)
    {
        b.ToTable("WorkflowInstanceDocuments");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Name).HasMaxLength(100).IsRequired();
        b.Property(d => d.FileName).HasMaxLength(255).IsRequired();
        b.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        b.Property(d => d.UploadedBy).HasMaxLength(64);
        b.Property(d => d.Content).IsRequired();
        b.HasIndex(d => new { d.InstanceId, d.Name }).IsUnique();
        b.HasIndex(d => d.CompanyId);
    }
}
