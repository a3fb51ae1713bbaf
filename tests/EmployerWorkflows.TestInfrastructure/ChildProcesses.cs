using System.Collections.Concurrent;
using System.Diagnostics;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// Long-running helper servers started by fixtures. Killed with their whole process tree, and as a
/// safety net when the test host exits, so a forgotten Dispose never leaves a server holding a port.
/// </summary>
internal static class ChildProcesses
{
    private static readonly ConcurrentDictionary<Process, byte> Running = new();

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Keys)
            {
                KillQuietly(process);
            }
        };
    }

    public static void Track(Process process) => Running.TryAdd(process, 0);

    /// <summary>Kills the process tree and waits briefly for it to be gone (synchronous: safe from Dispose).</summary>
    public static void Kill(Process process)
    {
        Running.TryRemove(process, out _);
        KillQuietly(process);
        // SIGKILL cannot be ignored; the wait only lets the kernel release the process's sockets and files.
        process.WaitForExit(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
