using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

public sealed class ConfiguredRoleCatalogTests
{
    private readonly ConfiguredRoleCatalog _catalog = new(["AgencyReviewer", "HelpDesk", "Company"]);

    [Fact]
    public void Exists_ReturnsTrue_WhenRoleIsConfigured()
    {
        Assert.True(_catalog.Exists("Company"));
    }

    [Fact]
    public void Exists_ReturnsFalse_WhenCaseDiffers()
    {
        Assert.False(_catalog.Exists("agencyreviewer"));
    }

    [Fact]
    public void Roles_ListsConfiguredNames_Sorted()
    {
        Assert.Equal(["AgencyReviewer", "Company", "HelpDesk"], _catalog.Roles);
    }
}
