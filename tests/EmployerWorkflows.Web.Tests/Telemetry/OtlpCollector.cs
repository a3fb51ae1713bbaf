using System.Collections.Concurrent;
using System.Net;
using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Web.Tests.Telemetry;

/// <summary>
/// The smallest OTLP/HTTP receiver: an HTTP listener on 127.0.0.1 that keeps each request's path and body and
/// answers 200 with an empty (valid) protobuf response.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public OtlpCollector()
    {
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

    /// <summary>Bodies received on <paramref name="path"/>, as text: protobuf strings are plain UTF-8 inside.</summary>
    public IEnumerable<string> TextsOn(string path) =>
        Received.Where(r => r.Path == path).Select(r => System.Text.Encoding.UTF8.GetString(r.Body));

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
