using System.Net;
using EmployerWorkflows.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary><c>ConnectionStrings:Sqlite</c> as the README documents it: a bare file path or a full connection string.</summary>
public sealed class SqliteConnectionSettingTests
{
    [Fact]
    public async Task Host_StartsOnThatFile_WhenSqliteSettingIsBareAbsolutePath()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ew-bare-").FullName, "data", "bare.db");
        using var app = AppFactory.OnSqlite(environment: "Production").WithSetting("ConnectionStrings:Sqlite", file);

        var response = await TestClients.Anonymous(app).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(file), "the database file named by the bare path");
    }

    [Fact]
    public void SqliteConnectionString_ResolvesFromHome_WhenSettingIsBareRelativePath()
    {
        var home = Directory.CreateTempSubdirectory("ew-home-").FullName;

        var cs = DatabaseSetup.SqliteConnectionString(Configured("App_Data/relative.db"), home);

        Assert.Equal(Path.Combine(home, "App_Data", "relative.db"), new SqliteConnectionStringBuilder(cs).DataSource);
    }

    [Fact]
    public void SqliteConnectionString_KeepsOtherKeys_WhenSettingIsFullConnectionString()
    {
        var home = Directory.CreateTempSubdirectory("ew-home-").FullName;

        var cs = DatabaseSetup.SqliteConnectionString(Configured("Data Source=App_Data/full.db;Cache=Shared"), home);

        var parsed = new SqliteConnectionStringBuilder(cs);
        Assert.Equal(Path.Combine(home, "App_Data", "full.db"), parsed.DataSource);
        Assert.Equal(SqliteCacheMode.Shared, parsed.Cache);
    }

    private static IConfiguration Configured(string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = value }).Build();
}
