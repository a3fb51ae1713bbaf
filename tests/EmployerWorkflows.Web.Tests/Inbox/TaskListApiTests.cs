using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Inbox;

/// <summary>A host with 60 open reviewer tasks (55 with a due date, some sharing one, and 5 without); the tests only read them.</summary>
public sealed class TaskListHost : IAsyncLifetime
{
    public const int Dated = 55, Undated = 5;

    public AppFactory App { get; } = AppFactory.OnSqlite();

    public async Task InitializeAsync()
    {
        var now = App.Clock.GetUtcNow();
        await using var db = App.Services.GetRequiredService<IWorkflowDbContextFactory>().CreateDbContext();
        for (var i = 0; i < Dated + Undated; i++)
            db.Set<WorkflowTask>().Add(new WorkflowTask
            {
                Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), DefinitionId = "company-registration", State = "UnderReview",
                Form = "company-review", Actions = "approve,reject", Role = Roles.AgencyReviewer, CreatedAt = now,
                // Every third dated task shares its due time with the previous one, so the id decides between them.
                DueAt = i < Dated ? now.AddHours(i - i % 3) : null, TitleIt = "Verifica", TitleEn = "Review",
            });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class TaskListApiTests(TaskListHost host) : IClassFixture<TaskListHost>
{
    [Fact]
    public async Task TaskList_GivesFiftyTasksAndANextLink_WhenMoreTasksAreOpen()
    {
        var reviewer = await ReviewerAsync();
        var first = await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks");

        Assert.Equal(50, first.GetProperty("tasks").GetArrayLength());
        Assert.StartsWith("/api/tasks?after=", first.GetProperty("next").GetString());
    }

    [Fact]
    public async Task TaskList_FollowsNextLinksToEveryTaskOnce_InTheInboxOrder()
    {
        var reviewer = await ReviewerAsync();
        var seen = new List<JsonElement>();
        var pages = 0;
        for (var url = "/api/tasks?limit=7"; url is not null; pages++)
        {
            var page = await reviewer.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("tasks").EnumerateArray());
            url = page.GetProperty("next").GetString();
        }

        Assert.Equal(9, pages);
        Assert.Equal(TaskListHost.Dated + TaskListHost.Undated, seen.Select(t => t.GetProperty("id").GetGuid()).Distinct().Count());
        var due = seen.Select(t => t.GetProperty("dueAt").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : t.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.All(due.Take(TaskListHost.Dated), d => Assert.NotNull(d));
        Assert.All(due.Skip(TaskListHost.Dated), d => Assert.Null(d));
        Assert.True(due.Take(TaskListHost.Dated).Zip(due.Skip(1).Take(TaskListHost.Dated - 1)).All(p => p.First <= p.Second), "due dates go backwards");
    }

    [Theory]
    [InlineData("/api/tasks?after=not-a-cursor", "after")]
    [InlineData("/api/tasks?limit=201", "limit")]
    [InlineData("/api/tasks?limit=0", "limit")]
    public async Task TaskList_AnswersBadRequestNamingTheParameter_WhenCursorOrLimitIsNotAccepted(string url, string field)
    {
        var reviewer = await ReviewerAsync();
        var response = await reviewer.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    private Task<HttpClient> ReviewerAsync() => TestClients.LoggedInAsync(host.App, TestClients.DemoUserWithRole(Roles.AgencyReviewer));
}
