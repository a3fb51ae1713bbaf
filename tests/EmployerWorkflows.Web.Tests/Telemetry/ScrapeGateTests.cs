using System.Net;
using EmployerWorkflows.Web.Hosting.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace EmployerWorkflows.Web.Tests.Telemetry;

/// <summary>Scrapers have no login; the gate lets configured addresses through and nobody else.</summary>
public sealed class ScrapeGateTests
{
    private static async Task<int> StatusFromAsync(string remote, params string[] allowed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            allowed.Select((a, i) => new KeyValuePair<string, string?>($"Telemetry:Prometheus:AllowedAddresses:{i}", a))).Build();
        var gate = new ScrapeGate(TelemetrySettings.From(configuration));
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        await gate.InvokeAsync(http, ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        return http.Response.StatusCode;
    }

    [Fact]
    public async Task Gate_LetsScraperIn_WhenAddressIsInConfiguredNetwork()
    {
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync("10.1.2.3", "10.1.2.0/24"));
    }

    [Fact]
    public async Task Gate_LetsScraperIn_WhenIPv4MappedAddressIsConfigured()
    {
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync("::ffff:192.168.5.9", "192.168.5.9"));
    }

    [Fact]
    public async Task Gate_Refuses_WhenAddressIsNotConfigured()
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, await StatusFromAsync("10.1.3.3", "10.1.2.0/24"));
    }

    [Fact]
    public void Settings_RefuseStart_WhenAllowedAddressIsMistyped()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new KeyValuePair<string, string?>("Telemetry:Prometheus:AllowedAddresses:0", "10.0.0.300")]).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => TelemetrySettings.From(configuration));

        Assert.Contains("10.0.0.300", ex.Message);
    }
}
