using System.Net;
using System.Text.Json;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Hosting.Problems;
using EmployerWorkflows.Web.Tests.Hosting;
using Hangfire;
using Microsoft.AspNetCore.Http;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>The runtime's refusals get their own answer wherever they surface: API, page or background job.</summary>
[Collection(HangfireCollection.Name)]
public sealed class RefusalTests : IDisposable
{
    private readonly AppFactory app = AppFactory.OnSqlite();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task ApiRefusal_IsAnsweredWithItsStatus_WhenTheEndpointLeavesItToTheHandler()
    {
        var designer = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.ProcessDesigner));

        var response = await designer.PostAsync("/api/definitions/never-published/versions/9/retire", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("Pratica non trovata.", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task PageRefusal_IsShownOnTheErrorPageWithItsStatus_WhenBrowserAsksForHtml()
    {
        using var scope = app.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/tasks/someone-else-acted";
        http.Request.Headers.Accept = "text/html,application/xhtml+xml";

        var handled = await new ProblemExceptionHandler(NullLogger<ProblemExceptionHandler>.Instance)
            .TryHandleAsync(http, new WorkflowConflictException(Guid.NewGuid(), "Approved", 4), CancellationToken.None);

        Assert.False(handled);
        var shown = http.Features.Get<ShownProblem>();
        Assert.Equal((409, "Qualcun altro ha già agito su questa pratica."), (shown?.StatusCode, shown?.Title));
    }

    [Fact]
    public async Task BackgroundJob_IsDeletedNotRetried_WhenTheRuntimeRefusesIt()
    {
        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => RefusedWork.Run());

        var storage = app.Services.GetRequiredService<JobStorage>();
        var state = await Eventually.ReturnsAsync(
            () => Task.FromResult(storage.GetConnection().GetStateData(id)),
            s => s?.Name is "Deleted" or "Failed" or "Scheduled", "refused job to settle");

        Assert.Equal("Deleted", state!.Name);
        Assert.Contains("Refused by the workflow runtime", state.Reason);
    }
}

/// <summary>Work a background job does on a procedure that has meanwhile ended.</summary>
public static class RefusedWork
{
    public static void Run() => throw new WorkflowNotRunningException(Guid.NewGuid(), InstanceStatus.Completed);
}
