using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using Xunit;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (Debian's <c>python3-aiosmtpd</c> with its Maildir handler)
/// that stores every accepted message in a Maildir read back with MimeKit. It can be stopped and started
/// again on the same port and folder to play an SMTP outage. Usable directly or as an xunit fixture.
/// </summary>
/// <remarks>
/// aiosmtpd adds the envelope to each stored message as the headers <c>X-MailFrom</c>, <c>X-RcptTo</c>
/// and <c>X-Peer</c>.
/// </remarks>
public sealed class SmtpMailbox : IAsyncLifetime, IAsyncDisposable, IDisposable
{
    // Debian's interpreter, which has the python3-aiosmtpd package; a python3 earlier on PATH may not.
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly TempDirectory _directory = new("smtp");
    private readonly StringBuilder _serverOutput = new();
    private Process? _server;

    public SmtpMailbox()
    {
        Port = FreePort.Next();
        MaildirPath = _directory.Combine("maildir");
        // Created up front so that Messages() works before the first message and after a restart.
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(MaildirPath, folder));
        }
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The Maildir folder holding <c>tmp/</c>, <c>new/</c> and <c>cur/</c>.</summary>
    public string MaildirPath { get; }

    public bool IsRunning => _server is { HasExited: false };

    /// <summary>Starts a mailbox and waits until it accepts connections.</summary>
    public static async Task<SmtpMailbox> StartNewAsync()
    {
        var mailbox = new SmtpMailbox();
        try
        {
            await mailbox.StartAsync();
            return mailbox;
        }
        catch
        {
            mailbox.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the server (again) on <see cref="Port"/> with the same Maildir, keeping earlier messages,
    /// and returns once the port accepts connections. Does nothing when already running.
    /// </summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(
                $"{Python} not found. Run ./test.sh from the repository root: it installs python3-aiosmtpd.");
        }

        var startInfo = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-m", "aiosmtpd", "-n",
                     "-l", $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}",
                     "-c", "aiosmtpd.handlers.Mailbox", MaildirPath,
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var server = new Process { StartInfo = startInfo };
        server.OutputDataReceived += (_, e) => RecordOutput(e.Data);
        server.ErrorDataReceived += (_, e) => RecordOutput(e.Data);
        server.Start();
        ChildProcesses.Track(server);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        _server = server;
        await WaitUntilAcceptingAsync(server);
    }

    /// <summary>Kills the server; messages already stored stay in the Maildir.</summary>
    public Task StopAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Every message stored so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        new[] { "new", "cur" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(MaildirPath, folder)))
            .Select(path => (Path: path, Key: MaildirOrder.Key(path)))
            .OrderBy(file => file.Key.Seconds)
            .ThenBy(file => file.Key.Microseconds)
            .ThenBy(file => file.Path, StringComparer.Ordinal)
            .Select(file => MimeMessage.Load(file.Path))
            .ToList();

    /// <summary>
    /// Polls the Maildir until at least <paramref name="count"/> messages (matching <paramref name="filter"/>
    /// when given) are stored and returns all matching ones; throws <see cref="TimeoutException"/> listing what
    /// did arrive otherwise.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(
        int count, TimeSpan timeout, Func<MimeMessage, bool>? filter = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var all = Messages();
            var matching = filter is null ? all : all.Where(filter).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }
            if (deadline.Elapsed >= timeout)
            {
                var subjects = string.Join(", ", all.Select(message => $"'{message.Subject}'"));
                throw new TimeoutException(
                    $"Expected {count} matching message(s) within {timeout}, found {matching.Count} "
                    + $"among {all.Count} received: [{subjects}].");
            }
            await Task.Delay(PollInterval);
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        Stop();
        _directory.Dispose();
    }

    private void Stop()
    {
        var server = _server;
        _server = null;
        if (server is not null)
        {
            ChildProcesses.Kill(server);
        }
    }

    private async Task WaitUntilAcceptingAsync(Process server)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
            {
                var exitCode = server.ExitCode;
                Stop();
                throw new InvalidOperationException(
                    $"The SMTP server exited with code {exitCode} before accepting connections on port {Port} "
                    + $"(./test.sh installs python3-aiosmtpd):\n{ServerOutput()}");
            }
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < StartTimeout)
            {
                await Task.Delay(PollInterval);
            }
            catch (SocketException ex)
            {
                Stop();
                throw new InvalidOperationException(
                    $"The SMTP server did not accept connections on port {Port} within {StartTimeout}:\n{ServerOutput()}", ex);
            }
        }
    }

    private void RecordOutput(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_serverOutput)
        {
            _serverOutput.AppendLine(line);
        }
    }

    private string ServerOutput()
    {
        lock (_serverOutput)
        {
            return _serverOutput.ToString();
        }
    }
}
