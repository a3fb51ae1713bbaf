using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Features.Intermittent;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>The SMS channel (rule 28): registered Italian mobiles only, the provider's secret, calls and cancellations, refusals journaled.</summary>
[Collection(IntermittentCollection.Name)]
public sealed class SmsChannelTests(IntermittentHost host)
{
    private static int next = 3_401_000;

    private static string NewMobile() => $"33{Interlocked.Increment(ref next):D8}";

    private Task<HttpResponseMessage> InboundAsync(string from, string text, string secret = IntermittentHost.SmsSecret)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Sms-Secret", secret);
        return client.PostAsJsonAsync("/api/intermittent/sms/inbound", new { from, text });
    }

    private async Task<(HttpClient Admin, string Mobile)> CompanyWithMobileAsync(string name)
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync(name);
        var mobile = NewMobile();
        await IntermittentHost.JsonAsync(await admin.PostAsJsonAsync("/api/intermittent/sms-numbers", new { number = mobile }), HttpStatusCode.Created);
        return (admin, mobile);
    }

    private Task<int> CommunicationCountAsync() => host.QueryAsync(db => db.Set<CallCommunication>().CountAsync());

    [Theory]
    [InlineData("06 1234 5678")]
    [InlineData("+41 79 123 45 67")]
    [InlineData("4312345678")]
    [InlineData("33612345")]
    public async Task SmsNumber_IsRefused_WhenNotAnItalianMobile(string number)
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync($"Chiosco {number}");

        var response = await admin.PostAsJsonAsync("/api/intermittent/sms-numbers", new { number });

        Assert.Equal(["number"], await IntermittentHost.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task SmsNumber_IsStoredAsNationalNumber_AndListedWithPrefix()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Bar Faro");

        await IntermittentHost.JsonAsync(await admin.PostAsJsonAsync("/api/intermittent/sms-numbers", new { number = "+39 378 254 1688" }), HttpStatusCode.Created);

        var list = await IntermittentHost.JsonAsync(await admin.GetAsync("/api/intermittent/sms-numbers"), HttpStatusCode.OK);
        Assert.Equal(("3782541688", "(+39) 3782541688"), (list[0].GetProperty("nationalNumber").GetString(), list[0].GetProperty("display").GetString()));
    }

    [Fact]
    public async Task InboundSms_CommunicatesACallForToday_FromARegisteredNumber()
    {
        var (admin, mobile) = await CompanyWithMobileAsync("Spiaggia Libera");
        var worker = IntermittentHost.NewWorkerCf();

        var reply = await IntermittentHost.JsonAsync(await InboundAsync("+39" + mobile, $"I {worker}"), HttpStatusCode.OK);

        Assert.True(reply.GetProperty("accepted").GetBoolean());
        var number = reply.GetProperty("communicationNumber").GetString();
        Assert.Contains(number!, reply.GetProperty("reply").GetString());
        var sent = await IntermittentHost.JsonAsync(await admin.GetAsync("/api/intermittent/communications?status=Inviata"), HttpStatusCode.OK);
        var id = sent.EnumerateArray().Single(c => c.GetProperty("number").GetString() == number).GetProperty("id").GetGuid();
        var view = await IntermittentHost.JsonAsync(await admin.GetAsync($"/api/intermittent/communications/{id}"), HttpStatusCode.OK);
        Assert.Equal(("sms", worker, IntermittentHost.Day(host.Today)), (view.GetProperty("channel").GetString(),
            view.GetProperty("lines")[0].GetProperty("workerCf").GetString(), view.GetProperty("lines")[0].GetProperty("startDate").GetString()));
    }

    [Fact]
    public async Task InboundSms_CancelsTheWorkersAttivaCall()
    {
        var (admin, mobile) = await CompanyWithMobileAsync("Festival Jazz");
        var worker = IntermittentHost.NewWorkerCf();
        await host.SendAsync(admin, await host.DraftAsync(admin, (worker, host.Today.AddDays(1), null)));

        var reply = await IntermittentHost.JsonAsync(await InboundAsync(mobile, $"A {worker}"), HttpStatusCode.OK);

        Assert.True(reply.GetProperty("accepted").GetBoolean());
        var cancelled = await host.QueryAsync(db => db.Set<CallLine>().Where(l => l.WorkerCf == worker).Select(l => l.Status).ToListAsync());
        Assert.All(cancelled, s => Assert.Equal(CallStatus.Annullata, s));
    }

    [Fact]
    public async Task InboundSms_IsRefusedAndJournaled_FromAnUnknownNumber()
    {
        var before = await CommunicationCountAsync();

        var response = await InboundAsync("3209998877", $"I {IntermittentHost.NewWorkerCf()}");

        var reply = await IntermittentHost.JsonAsync(response, HttpStatusCode.Forbidden);
        Assert.False(reply.GetProperty("accepted").GetBoolean());
        Assert.Equal(before, await CommunicationCountAsync());
        Assert.True(await host.QueryAsync(db => db.Set<JournalEntry>().AnyAsync(j => j.Trigger == "intermittent.sms.refused" && j.Summary.Contains("3209998877"))));
    }

    [Fact]
    public async Task InboundSms_IsRefusedAndNothingApplied_WhenUnparseable()
    {
        var (_, mobile) = await CompanyWithMobileAsync("Sagra Funghi");
        var before = await CommunicationCountAsync();

        var reply = await IntermittentHost.JsonAsync(await InboundAsync(mobile, "I chiamo domani Mario"), HttpStatusCode.BadRequest);

        Assert.Contains("Formato non valido", reply.GetProperty("reply").GetString());
        Assert.Equal(before, await CommunicationCountAsync());
    }

    [Fact]
    public async Task InboundSms_IsRefused_WithoutTheProvidersSecret()
    {
        var (_, mobile) = await CompanyWithMobileAsync("Rosticceria Viale");

        var response = await InboundAsync(mobile, $"I {IntermittentHost.NewWorkerCf()}", "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task InboundSms_IsRefused_WhenTheWorkerAlreadyHasACallToday()
    {
        var (_, mobile) = await CompanyWithMobileAsync("Bar Sport");
        var worker = IntermittentHost.NewWorkerCf();
        await IntermittentHost.JsonAsync(await InboundAsync(mobile, $"I {worker}"), HttpStatusCode.OK);
        var before = await CommunicationCountAsync();

        var reply = await IntermittentHost.JsonAsync(await InboundAsync(mobile, $"I {worker}"), HttpStatusCode.BadRequest);

        Assert.False(reply.GetProperty("accepted").GetBoolean());
        Assert.Equal(before, await CommunicationCountAsync());
    }
}
