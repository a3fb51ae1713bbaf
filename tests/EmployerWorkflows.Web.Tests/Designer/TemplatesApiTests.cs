using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Designer;

[Collection(WebHostCollection.Name)]
public sealed class TemplatesApiTests : CompanyScenario
{
    [Fact]
    public async Task Preview_RendersAnEditedTemplateOnSampleData_AndReportsBrokenLiquid()
    {
        var designer = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));
        var names = await ReadAsync(await designer.GetAsync("/api/templates"), HttpStatusCode.OK);
        Assert.Contains(names.EnumerateArray(), n => n.GetString() == "registration-approved");
        var source = await designer.GetStringAsync("/api/templates/registration-approved/en");
        Assert.StartsWith("subject:", source);

        var preview = await ReadAsync(await designer.PostAsJsonAsync("/api/templates/preview", new
        {
            source = source.Replace("has been approved", "is approved"), language = "en",
            model = new { company = new { name = "Esempio Srl" }, recipient = new { name = "Anna" } },
        }), HttpStatusCode.OK);
        Assert.Equal("Registration approved: Esempio Srl", preview.GetProperty("subject").GetString());
        Assert.Contains("Dear Anna", preview.GetProperty("textBody").GetString());
        Assert.Contains("is approved", preview.GetProperty("textBody").GetString());

        await ReadAsync(await designer.PostAsJsonAsync("/api/templates/preview", new { source = "subject: x\n---\n{% if %}", language = "it" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Reviewer()).GetAsync("/api/templates")).StatusCode);
    }
}
