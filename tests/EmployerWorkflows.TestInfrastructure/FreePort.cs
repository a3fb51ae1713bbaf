using System.Net;
using System.Net.Sockets;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>Free TCP ports on the loopback interface.</summary>
public static class FreePort
{
    /// <summary>
    /// A port that was free a moment ago: the OS picks it when binding to port 0, and the socket is released
    /// right away so the caller's server can bind it.
    /// </summary>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
