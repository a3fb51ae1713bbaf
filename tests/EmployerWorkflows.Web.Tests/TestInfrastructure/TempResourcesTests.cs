using System.Net;
using System.Net.Sockets;
using EmployerWorkflows.TestInfrastructure;
using Microsoft.Data.Sqlite;

namespace EmployerWorkflows.Web.Tests.TestInfrastructure;

public sealed class TempResourcesTests
{
    [Fact]
    public void TempDirectory_DeletesFolderAndContent_WhenDisposed()
    {
        var directory = new TempDirectory();
        File.WriteAllText(directory.Combine("nota.txt"), "x");

        directory.Dispose();

        Assert.False(Directory.Exists(directory.Path));
    }

    [Fact]
    public void FreePort_ReturnsBindableLoopbackPort()
    {
        var port = FreePort.Next();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        Assert.InRange(port, 1, 65535);
    }

    [Fact]
    public void SqliteTempDatabase_DeletesFile_WhenDisposedAfterUse()
    {
        var database = new Sqlite.TempDatabase();
        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE instance (id INTEGER PRIMARY KEY); INSERT INTO instance DEFAULT VALUES;";
            command.ExecuteNonQuery();
        }
        Assert.True(File.Exists(database.Path));

        database.Dispose();

        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public void SqliteTempDatabase_GivesDistinctFiles_ForEachInstance()
    {
        using var first = new Sqlite.TempDatabase();
        using var second = new Sqlite.TempDatabase();

        Assert.NotEqual(first.Path, second.Path);
    }
}
