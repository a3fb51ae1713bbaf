using System.Net;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Telemetry;

[Collection(HangfireCollection.Name)]
public sealed class ScrapeEndpointTests : TelemetryHost
{
    [Fact]
    public async Task Scrape_CountsStartedInstance_ByDefinitionAndVersion()
    {
        await PublishAsync(Deadline);
        await StartAsync("telemetry-deadline");

        var scrape = await ScrapeAsync(await OperatorAsync());

        Assert.Equal(1, Sample(scrape, "workflow_instances_started_total",
            ("workflow_definition", "telemetry-deadline"), ("workflow_version", "1")));
    }

    [Fact]
    public async Task Scrape_CountsTransitionByTrigger_WhenTimerFires()
    {
        await PublishAsync(Deadline);
        await StartAsync("telemetry-deadline");
        App.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(1, (await SweepAsync()).Fired);
        var scrape = await ScrapeAsync(await OperatorAsync());

        Assert.Equal(1, Sample(scrape, "workflow_transitions_total",
            ("workflow_definition", "telemetry-deadline"), ("workflow_version", "1"), ("workflow_trigger", "expire")));
    }

    [Fact]
    public async Task Scrape_RecordsTimerLag_FromDueToFired()
    {
        await PublishAsync(Deadline);
        await StartAsync("telemetry-deadline");
        App.Clock.Advance(TimeSpan.FromHours(3)); // due after one hour, so fired two hours late

        await SweepAsync();
        var scrape = await ScrapeAsync(await OperatorAsync());

        var all = Sample(scrape, "workflow_timer_lag_seconds_bucket", ("workflow_timer_kind", "timer"), ("le", "+Inf"));
        var withinAnHour = Sample(scrape, "workflow_timer_lag_seconds_bucket", ("workflow_timer_kind", "timer"), ("le", "3600"));
        Assert.NotNull(all);
        Assert.True(all - withinAnHour >= 1, $"No timer fired more than an hour late was recorded:\n{scrape}");
    }

    [Fact]
    public async Task Scrape_ShowsOutboxBacklogAndOpenIncidents_AsGauges()
    {
        var scrape = await ScrapeAsync(await OperatorAsync());

        Assert.NotNull(Sample(scrape, "workflow_outbox_backlog"));
        Assert.Equal(0, Sample(scrape, "workflow_incidents_open"));
    }

    [Fact]
    public async Task Scrape_IsUnauthorized_WhenAnonymous()
    {
        var response = await TestClients.Anonymous(App).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("workflow_", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.AgencyReviewer)]
    [InlineData(Roles.ProcessDesigner)]
    public async Task Scrape_IsForbidden_WhenUserIsNotOperator(string? role)
    {
        var client = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(role));

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("workflow_", await response.Content.ReadAsStringAsync());
    }
}
