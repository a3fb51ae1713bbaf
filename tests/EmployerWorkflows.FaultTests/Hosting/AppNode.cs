using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.FaultTests.Hosting;

/// <summary>
/// The app as operators run it: <c>dotnet EmployerWorkflows.Web.dll</c> in its own process on a loopback port,
/// configured only through environment variables. It can be killed with SIGKILL (no shutdown code runs) and
/// started again on the same port, database and settings.
/// </summary>
public sealed class AppNode : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly ConcurrentDictionary<AppNode, byte> Running = new();

    // A test host that ends without disposing (crash, abort) must not leave app processes holding ports and files.
    static AppNode() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var node in Running.Keys) node.Kill();
    };
    private readonly Dictionary<string, string> settings;
    private readonly StringBuilder output = new();
    private Process? process;

    public AppNode(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Port = FreePort.Next();
        this.settings = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // One client address drives the whole load; the limits protect people, not this test.
            ["RateLimits__Login__PermitLimit"] = "1000000",
            ["RateLimits__Mail__PermitLimit"] = "1000000",
            ["DOTNET_USE_POLLING_FILE_WATCHER"] = "1",
        };
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public int Starts { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Process id of the running node, which its timer and email claims name.</summary>
    public int? ProcessId => process?.Id;

    /// <summary>Starts the process and returns once it answers <c>/health/live</c>.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.WebAssembly);
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var started = new Process { StartInfo = start };
        started.OutputDataReceived += (_, e) => Record(e.Data);
        started.ErrorDataReceived += (_, e) => Record(e.Data);
        Record($"--- {Name}: start {Starts + 1}");
        started.Start();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        Running.TryAdd(this, 0);
        Starts++;
        await WaitUntilLiveAsync(started);
    }

    /// <summary>SIGKILL: the process gets no chance to finish a request, a transaction or an SMTP conversation.</summary>
    public void Kill()
    {
        var running = process;
        process = null;
        if (running is null) return;
        Record($"--- {Name}: SIGKILL");
        try { running.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
        running.WaitForExit(TimeSpan.FromSeconds(30));
        running.Dispose();
    }

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string OutputTail(int characters = 6000)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= characters ? text : text[^characters..];
        }
    }

    public void Dispose()
    {
        Kill();
        Running.TryRemove(this, out _);
    }

    private async Task WaitUntilLiveAsync(Process started)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (started.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {started.ExitCode} while starting:\n{OutputTail()}");
            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (waited.Elapsed > StartTimeout)
                throw new TimeoutException($"{Name} did not answer /health/live within {StartTimeout}:\n{OutputTail()}");
            await Task.Delay(100);
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }
}
