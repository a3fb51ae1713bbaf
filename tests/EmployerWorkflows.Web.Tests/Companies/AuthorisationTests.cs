using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>
/// Walks every API endpoint that names a company, a member, a unit, a task or an instance, with the ids of
/// company A, as a person of company B and as an anonymous caller: nothing is answered, nothing leaks.
/// </summary>
[Collection(CompaniesCollection.Name)]
public sealed class AuthorisationTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task EveryCompanyEndpoint_RefusesOtherCompaniesAndAnonymousCallers_WithoutData()
    {
        var (adminA, companyA) = await ActiveCompanyAsync(CompanyCf);
        var memberA = (await EnableAsync(adminA, companyA, await PersonAsync("MMBRAA"))).GetProperty("id").GetGuid();
        await ReadAsync(await adminA.PostAsJsonAsync($"/api/companies/{companyA}/members/{memberA}/role-change", new { description = "Nuovo ruolo" }), HttpStatusCode.OK);
        var taskA = (await TaskForAsync(adminA, companyA)).GetProperty("task");
        var companyJson = await CompanyAsync(adminA, companyA);
        var unitA = companyJson.GetProperty("units")[0].GetProperty("id").GetGuid();
        string adminUserId;
        using (var scope = App.Services.CreateScope())
            adminUserId = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Membership>()
                .FirstAsync(m => m.CompanyId == companyA && m.Kind == MembershipKind.Administrator)).UserId;
        var secrets = new[] { companyA.ToString(), "Officine Esempio", CompanyCf, memberA.ToString(), unitA.ToString(), Representative };

        var otherAdmin = await PersonAsync("BBBDMN");
        var other = await TestClients.LoggedInAsync(App, otherAdmin.CodiceFiscale);
        var anonymous = TestClients.Anonymous(App);

        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && t.StartsWith("/api/") && t.Contains('{'))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!,
                Multipart: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true,
                Body: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType)))
            .ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} endpoints found");

        foreach (var (method, route, multipart, bodyType) in endpoints)
        {
            var url = route.Replace("{companyId:guid}", companyA.ToString()).Replace("{memberId:guid}", memberA.ToString())
                .Replace("{unitId:guid}", unitA.ToString()).Replace("{taskId:guid}", taskA.GetProperty("id").GetString())
                .Replace("{instanceId:guid}", taskA.GetProperty("instanceId").GetString()).Replace("{userId}", adminUserId)
                .Replace("{definitionId}", "company-registration").Replace("{version:int}", "1");
            url = System.Text.RegularExpressions.Regex.Replace(url, @"\{\w+:guid\}", Guid.NewGuid().ToString());
            url = url.Replace("{uid}", "CHE-109.322.551");
            url = System.Text.RegularExpressions.Regex.Replace(url, @"\{\w+(:\w+)?\}", "x");
            Assert.DoesNotContain("{", url);
            foreach (var (who, client, allowed) in new[]
                     {
                         ("other company", other, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound }),
                         ("anonymous", anonymous, new[] { HttpStatusCode.Unauthorized }),
                     })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" && multipart)
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "a.pdf" } };
                else if (method is "POST" or "PUT")
                    request.Content = JsonContent.Create(BodyFor(bodyType, new Dictionary<string, object?>
                    {
                        ["name"] = "x", ["description"] = "x", ["message"] = "x", ["action"] = "confirmed", ["endedOn"] = "2026-01-01",
                        ["membershipId"] = memberA, ["expectedVersion"] = 1,
                    }));
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(allowed.Contains(response.StatusCode), $"{method} {route} as {who}: {(int)response.StatusCode} {body}");
                Assert.DoesNotContain(secrets, s => body.Contains(s, StringComparison.OrdinalIgnoreCase));
            }
        }

        // And company A is unchanged: no member, unit or task was touched by the refused calls.
        Assert.Equal(companyJson.GetProperty("version").GetInt64(), (await CompanyAsync(adminA, companyA)).GetProperty("version").GetInt64());
        Assert.Equal("Open", (await TaskForAsync(adminA, companyA)).GetProperty("task").GetProperty("status").GetString());
    }

    /// <summary>
    /// The fields of <paramref name="all"/> the endpoint's request record has: typed requests refuse unknown fields
    /// with 400 before any access check, and this walk is about the access checks.
    /// </summary>
    private static Dictionary<string, object?> BodyFor(Type? requestType, Dictionary<string, object?> all) =>
        requestType?.Namespace?.StartsWith("EmployerWorkflows", StringComparison.Ordinal) == true
            ? all.Where(f => requestType.GetProperty(f.Key, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                | System.Reflection.BindingFlags.IgnoreCase) is not null).ToDictionary()
            : all;
}
