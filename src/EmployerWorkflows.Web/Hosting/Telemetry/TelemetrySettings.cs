using System.Net;
using OpenTelemetry.Exporter;

namespace EmployerWorkflows.Web.Hosting.Telemetry;

/// <summary>The <c>Telemetry</c> section, read once at start-up.</summary>
public sealed record TelemetrySettings(
    bool PrometheusEnabled,
    string PrometheusPath,
    IReadOnlyList<IPNetwork> ScrapeNetworks,
    bool OtlpEnabled,
    Uri? OtlpEndpoint,
    OtlpExportProtocol OtlpProtocol,
    bool JsonLogs)
{
    public static TelemetrySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Telemetry");
        var endpoint = section["Otlp:Endpoint"];
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            throw new InvalidOperationException($"Telemetry:Otlp:Endpoint \"{endpoint}\" is not an absolute URL.");
        var protocol = section["Otlp:Protocol"] switch
        {
            null or "" or "http/protobuf" or "HttpProtobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" or "Grpc" => OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"Telemetry:Otlp:Protocol \"{other}\" is neither \"http/protobuf\" nor \"grpc\"."),
        };
        return new TelemetrySettings(
            PrometheusEnabled: section.GetValue("Prometheus:Enabled", true),
            PrometheusPath: section["Prometheus:Path"] is { Length: > 0 } path ? path : "/metrics",
            ScrapeNetworks: Networks(section.GetSection("Prometheus:AllowedAddresses").Get<string[]>() ?? []),
            OtlpEnabled: !string.IsNullOrWhiteSpace(endpoint) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
            OtlpEndpoint: string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint),
            OtlpProtocol: protocol,
            JsonLogs: section.GetValue("JsonLogs", false));
    }

    /// <summary>Single addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/24</c>); a typo stops the start rather than opening the endpoint.</summary>
    private static List<IPNetwork> Networks(IEnumerable<string> entries) => entries
        .Where(e => !string.IsNullOrWhiteSpace(e))
        .Select(e => e.Trim())
        .Select(e => IPNetwork.TryParse(e.Contains('/') ? e : $"{e}/{(IPAddress.TryParse(e, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}", out var network)
            ? network
            : throw new InvalidOperationException($"Telemetry:Prometheus:AllowedAddresses entry \"{e}\" is neither an address nor a network."))
        .ToList();
}
