using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>The UID register that SecoDesk fills and the procedures read.</summary>
[Collection(JobRoomCollection.Name)]
public sealed class UidRegisterTests(JobRoomHost host)
{
    [Fact]
    public async Task UidRegister_ReturnsPostalAddress_WhenSecoDeskFilledIt()
    {
        var uid = JobRoomHost.NewUid();

        await host.RegisterCompanyAsync(uid.Replace("-", "").Replace(".", "") + " HR", "Registro Esempio SA", "Piazza Grande 1", "6600", "Locarno");

        using var scope = host.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IUidRegister>().FindAsync(SwissUid.Parse(uid));
        Assert.Equal(["Registro Esempio SA", "Piazza Grande 1", "6600 Locarno", "Svizzera"], record!.AddressLines);
    }

    [Fact]
    public async Task UidRegister_RefusesInvalidUid_AndStoresNothing()
    {
        using var seco = await host.SecoDeskAsync();

        var response = await seco.PutAsJsonAsync("/api/jobroom/uid-register/CHE-100.000.160",
            new { name = "Mai Emesso SA", street = "Via 1", postalCode = "6900", town = "Lugano" });

        Assert.Equal(["uid"], await JobRoomScenario.ErrorFieldsAsync(response));
        Assert.Equal(HttpStatusCode.BadRequest, (await seco.GetAsync("/api/jobroom/uid-register/CHE-100.000.160")).StatusCode);
    }

    [Fact]
    public async Task UidRegister_IsClosedToCompanyPeopleAndAnonymous()
    {
        using var person = await host.ClientAsync(await host.CreatePersonAsync("Paola", "Curiosi"));
        using var anonymous = host.Anonymous();
        var body = new { name = "Intrusi SA", street = "Via 2", postalCode = "6900", town = "Lugano" };

        Assert.Equal(HttpStatusCode.Forbidden, (await person.PutAsJsonAsync($"/api/jobroom/uid-register/{JobRoomHost.NewUid()}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/jobroom/uid-register/{JobRoomHost.NewUid()}", body)).StatusCode);
    }
}
