using System.Globalization;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// A PostgreSQL server of the Debian packages, initialised in a temp folder, trusting every local
/// connection, listening only on 127.0.0.1, without durability (it is thrown away), stopped and deleted
/// on <see cref="StopAsync"/>. Mirrors what test.sh does so that a plain <c>dotnet test</c> works too.
/// </summary>
internal sealed class ThrowawayPostgres
{
    private const string PackagesRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDirectory;
    private readonly TempDirectory _directory;

    private ThrowawayPostgres(string binDirectory, TempDirectory directory, int port)
    {
        _binDirectory = binDirectory;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string DataDirectory => _directory.Combine("data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var binDirectory = FindBinDirectory();
        // Under /tmp rather than $TMPDIR: the postgres account must be able to reach it.
        var directory = new TempDirectory("postgres", "/tmp");
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                // initdb refuses to run as root: the cluster belongs to the postgres account.
                await Command.RunAsync(SystemProgram("chown"), ["-R", "postgres:postgres", directory.Path], directory.Path, CommandTimeout);
            }
            await RunAsPostgresAsync(binDirectory, directory.Path, "initdb",
                ["-D", directory.Combine("data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            return await StartOnFreePortAsync(binDirectory, directory);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public async Task StopAsync()
    {
        try
        {
            await RunAsPostgresAsync(_binDirectory, _directory.Path, "pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            _directory.Dispose();
        }
    }

    private static async Task<ThrowawayPostgres> StartOnFreePortAsync(string binDirectory, TempDirectory directory)
    {
        // A port picked as free can be taken by another process before postgres binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = new ThrowawayPostgres(binDirectory, directory, FreePort.Next());
            try
            {
                await server.StartServerAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private async Task StartServerAsync()
    {
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-k /tmp",
            "-c listen_addresses=127.0.0.1",
            "-c max_connections=300",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off");
        await RunAsPostgresAsync(_binDirectory, _directory.Path, "pg_ctl",
            ["-D", DataDirectory, "-l", _directory.Combine("postgres.log"), "-w", "-t", "60", "-o", options, "start"]);
        await RunAsPostgresAsync(_binDirectory, _directory.Path, "pg_isready",
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-t", "30"]);
    }

    private static Task<string> RunAsPostgresAsync(
        string binDirectory, string workingDirectory, string program, IReadOnlyList<string> arguments)
    {
        var executable = Path.Combine(binDirectory, program);
        return Environment.IsPrivilegedProcess
            ? Command.RunAsync(SystemProgram("runuser"), ["-u", "postgres", "--", executable, .. arguments], workingDirectory, CommandTimeout)
            : Command.RunAsync(executable, arguments, workingDirectory, CommandTimeout);
    }

    // runuser lives in /usr/sbin, which is not on every PATH.
    private static string SystemProgram(string name) =>
        new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin" }
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists) ?? name;

    private static string FindBinDirectory()
    {
        var newest = Directory.Exists(PackagesRoot)
            ? Directory.GetDirectories(PackagesRoot)
                .Select(path => (Path: path, Version: decimal.TryParse(Path.GetFileName(path), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Path, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Path, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            $"No PostgreSQL server found in {PackagesRoot}/*/bin and {PostgresCluster.EnvironmentVariable} is not set. "
            + "Run ./test.sh from the repository root: it installs PostgreSQL and starts a throwaway server for the tests. "
            + $"Alternatively set {PostgresCluster.EnvironmentVariable} to the Npgsql connection string of a server you own.");
    }
}
