using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>A filter of the inbox a person keeps under a name of their choosing, shown with its count.</summary>
public sealed class SavedInboxFilter
{
    public const int NameMaxLength = 60;

    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The filter as the inbox's query string (<see cref="InboxQuery"/>), so a saved filter is also a link.</summary>
    public string Query { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SavedInboxFilterConfiguration : IEntityTypeConfiguration<SavedInboxFilter>
{
    public void Configure(EntityTypeBuilder<SavedInboxFilter> b)
    {
        b.ToTable("SavedInboxFilters");
        b.HasKey(f => f.Id);
        b.Property(f => f.UserId).HasMaxLength(450).IsRequired();
        b.Property(f => f.Name).HasMaxLength(SavedInboxFilter.NameMaxLength).IsRequired();
        b.Property(f => f.Query).HasMaxLength(1000).IsRequired();
        // Saving under a name the person already uses replaces that filter.
        b.HasIndex(f => new { f.UserId, f.Name }).IsUnique();
    }
}
