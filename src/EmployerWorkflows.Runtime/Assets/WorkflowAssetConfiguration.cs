using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Runtime.Assets;

internal sealed class WorkflowAssetConfiguration : IEntityTypeConfiguration<WorkflowAsset>
{
    public void Configure(EntityTypeBuilder<WorkflowAsset> b)
    {
        b.ToTable("WorkflowAssets");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Name).HasMaxLength(100).IsRequired();
        b.Property(a => a.Language).HasMaxLength(8).IsRequired();
        b.Property(a => a.SavedBy).HasMaxLength(64);
        // The unique key is the edit-conflict guard: of two saves on the same revision, the second fails.
        b.HasIndex(a => new { a.Kind, a.Name, a.Language, a.Revision }).IsUnique();
    }
}
