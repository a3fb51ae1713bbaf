using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>Cancellation (rule 27, DOMAIN §4.5): only Attiva calls within the deadline, by a type A communication with its receipt.</summary>
public sealed class CancellationTests(IntermittentHost host) : IClassFixture<IntermittentHost>
{
    private static Task<HttpResponseMessage> CancelAsync(HttpClient client, params Guid[] callIds) =>
        client.PostAsJsonAsync("/api/intermittent/cancellations", new { callIds });

    private async Task<(HttpClient Admin, Guid CommunicationId, Guid[] Calls)> SentAsync(string company, params (string, DateOnly, DateOnly?)[] lines)
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync(company);
        var id = await host.DraftAsync(admin, lines);
        var sent = await host.SendAsync(admin, id);
        return (admin, id, sent.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToArray());
    }

    [Fact]
    public async Task Cancellation_CancelsAnAttivaCall_WithATypeACommunicationReceiptAndJournal()
    {
        var (admin, id, calls) = await SentAsync("Bar Marina", (IntermittentHost.NewWorkerCf(), host.Today.AddDays(2), null));
        var offered = await IntermittentHost.JsonAsync(await admin.PostAsJsonAsync("/api/intermittent/cancellable-calls", new { communicationIds = new[] { id } }), HttpStatusCode.OK);
        Assert.True(offered[0].GetProperty("call").GetProperty("cancellable").GetBoolean());

        var cancellation = await IntermittentHost.JsonAsync(await CancelAsync(admin, calls), HttpStatusCode.Created);

        Assert.Equal(("A", "Inviata"), (cancellation.GetProperty("typeCode").GetString(), cancellation.GetProperty("status").GetString()));
        var number = cancellation.GetProperty("number").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/intermittent/communications/{cancellation.GetProperty("id").GetGuid()}/receipt")).StatusCode);
        var original = await IntermittentHost.JsonAsync(await admin.GetAsync($"/api/intermittent/communications/{id}"), HttpStatusCode.OK);
        var line = original.GetProperty("lines")[0];
        Assert.Equal(("Annullata", number), (line.GetProperty("status").GetString(), line.GetProperty("cancellationNumber").GetString()));
        Assert.True(await host.QueryAsync(db => db.Set<JournalEntry>().AnyAsync(j => j.Trigger == "intermittent.cancel" && j.Summary.Contains(number))));
    }

    [Fact]
    public async Task Cancellation_IsRefusedWithReason_WhenTheCallIsAlreadyCancelled()
    {
        var (admin, _, calls) = await SentAsync("Caffè Piazza", (IntermittentHost.NewWorkerCf(), host.Today.AddDays(1), null));
        await IntermittentHost.JsonAsync(await CancelAsync(admin, calls), HttpStatusCode.Created);

        var again = await CancelAsync(admin, calls);

        var body = await IntermittentHost.JsonAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("Attiva", body.GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
    }

    [Fact]
    public async Task Cancellation_IsRefused_AfterTheDeadline_AndNothingIsHalfCancelled()
    {
        var (admin, id, calls) = await SentAsync("Enoteca Porto",
            (IntermittentHost.NewWorkerCf(), host.Today, null), (IntermittentHost.NewWorkerCf(), host.Today.AddDays(5), null));
        // The first call's day ends at midnight in Italy; three days later its 48-hour deadline has passed, the second's has not.
        // The clock only moves forward and by whole days, so the other tests' "today" stays the same in Italy and in UTC.
        host.Clock.Advance(TimeSpan.FromDays(3));
        admin = await host.LoginAgainAsync(admin);

        var response = await CancelAsync(admin, calls);

        Assert.Single(await IntermittentHost.ErrorFieldsAsync(response));
        var original = await IntermittentHost.JsonAsync(await admin.GetAsync($"/api/intermittent/communications/{id}"), HttpStatusCode.OK);
        Assert.All(original.GetProperty("lines").EnumerateArray(), l => Assert.Equal("Attiva", l.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Cancellation_OfSomeoneElsesCall_IsNotFound()
    {
        var (_, _, calls) = await SentAsync("Locanda Bosco", (IntermittentHost.NewWorkerCf(), host.Today.AddDays(1), null));
        var (_, _, other) = await host.ApprovedCompanyAsync("Rifugio Alto");

        Assert.Equal(HttpStatusCode.NotFound, (await CancelAsync(other, calls)).StatusCode);
    }
}
