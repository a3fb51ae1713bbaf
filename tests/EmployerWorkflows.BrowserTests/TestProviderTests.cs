using System.Net;
using EmployerWorkflows.TestIdentityProvider;

namespace EmployerWorkflows.BrowserTests;

public sealed class TestProviderTests
{
    [Fact]
    public async Task Discovery_NamesTheSpidClaimsAndPkce_WhenTheProviderRuns()
    {
        await using var provider = TestProvider.Build(["--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await provider.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var response = await http.GetAsync(provider.Urls.First().TrimEnd('/') + "/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"fiscalNumber\"", document);
        Assert.Contains("\"S256\"", document);
    }
}
