using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Execution;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Benchmarks.Http;

/// <summary>
/// HTTP figures of the real host: the inbox list (<c>GET /api/tasks</c> and the <c>/inbox</c> page) with a number of
/// open tasks, task completion, each at concurrency 8 and 64; then the inbox list again over a very large number of
/// open tasks bulk-inserted with raw ADO.NET. The load client runs in this process, so it shares the machine's
/// cores with the host: the figures are a floor.
/// </summary>
public static partial class HttpBenchmark
{
    private const string Reviewer = "RVWMRA80A01H501H";
    private const string Password = "Demo-Passw0rd!";
    private static readonly int[] Concurrencies = [8, 64];

    public static async Task RunAsync(int openTasks, int requests, int inboxRows)
    {
        Console.WriteLine();
        Console.WriteLine($"== HTTP, real host on Kestrel over SQLite ({requests:N0} requests per figure)");
        using var host = new BenchHost();
        var address = host.Start();
        using var client = await ReviewerAsync(address);

        await StartProceduresAsync(host, openTasks);
        await LoadClient.RunAsync(40, 4, _ => GetAsync(client, "/api/tasks"));
        await LoadClient.RunAsync(20, 4, _ => GetAsync(client, "/inbox"));
        foreach (var concurrency in Concurrencies)
            Print($"GET /api/tasks, {openTasks:N0} open tasks", await LoadClient.RunAsync(requests, concurrency, _ => GetAsync(client, "/api/tasks")));
        foreach (var concurrency in Concurrencies)
            Print($"GET /inbox page, {openTasks:N0} open tasks", await LoadClient.RunAsync(requests, concurrency, _ => GetAsync(client, "/inbox")));

        var before = OpenTaskIds(host.DatabaseFile);
        await StartProceduresAsync(host, requests * Concurrencies.Length + 20);
        var fresh = new ConcurrentQueue<Guid>(OpenTaskIds(host.DatabaseFile).Except(before));
        await LoadClient.RunAsync(20, 4, _ => CompleteAsync(client, fresh));
        foreach (var concurrency in Concurrencies)
            Print("POST /api/tasks/{id}/complete (reject)", await LoadClient.RunAsync(requests, concurrency, _ => CompleteAsync(client, fresh)));

        Console.WriteLine($"  bulk-inserting {inboxRows:N0} open tasks with raw ADO.NET…");
        BulkInsertOpenTasks(host.DatabaseFile, inboxRows);
        await LoadClient.RunAsync(10, 2, _ => GetAsync(client, "/api/tasks"));
        Print($"GET /api/tasks, {inboxRows:N0} more open tasks", await LoadClient.RunAsync(Math.Min(requests, 200), 8, _ => GetAsync(client, "/api/tasks")));
    }

    private static void Print(string what, LoadFigures f) =>
        Console.WriteLine($"  {what,-52} c={f.Concurrency,-3} {f.PerSecond,8:N0} req/s   p50 {f.P50Ms,7:N1} ms   p95 {f.P95Ms,7:N1} ms" +
                          (f.Failures > 0 ? $"   {f.Failures} FAILED" : ""));

    private static async Task<bool> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<bool> CompleteAsync(HttpClient client, ConcurrentQueue<Guid> tasks)
    {
        if (!tasks.TryDequeue(out var id))
            throw new InvalidOperationException("The benchmark ran out of open tasks to complete.");
        using var response = await client.PostAsJsonAsync($"/api/tasks/{id}/complete",
            new { action = "reject", payload = new { reason = "Documentazione incompleta." } });
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>A reviewer's session: logged in through the login form, the anti-forgery header set for the API.</summary>
    private static async Task<HttpClient> ReviewerAsync(Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 256,
        };
        var client = new HttpClient(handler) { BaseAddress = address };
        var form = await client.GetStringAsync("/account/login");
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CodiceFiscale"] = Reviewer, ["Password"] = Password, ["__RequestVerificationToken"] = FormToken().Match(form).Groups[1].Value,
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login failed: {login.StatusCode}");
        var token = await client.GetFromJsonAsync<JsonElement>("/api/antiforgery/token");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token.GetProperty("token").GetString());
        return client;
    }

    /// <summary>Starts sample procedures, each opening one review task for the agency reviewers.</summary>
    private static async Task StartProceduresAsync(BenchHost host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var applicant = new WorkflowActor("bench-applicant", "VRDLGU75B12F205X", "Luigi Verdi", new HashSet<string>(), null);
        for (var i = 0; i < count; i++)
        {
            var variables = new JsonObject
            {
                ["applicant"] = new JsonObject
                {
                    ["email"] = $"richiedente{i}@example.it", ["name"] = $"Richiedente {i}", ["language"] = "it", ["userId"] = "bench-applicant",
                },
            };
            await engine.StartAsync(new StartWorkflow("sample-procedure", null, variables, null, null, applicant));
        }
    }

    private static SqliteConnection Open(string file)
    {
        // Foreign keys off: the bulk rows are tasks without procedures, for the list query only.
        var connection = new SqliteConnection($"Data Source={file};Foreign Keys=False;Default Timeout=60");
        connection.Open();
        return connection;
    }

    private static HashSet<Guid> OpenTaskIds(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "WorkflowTasks" WHERE "Status" = 0""";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<Guid>();
        while (reader.Read())
            ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }

    /// <summary>Open review tasks for the agency reviewers, due over the next year, in transactions of 50,000 rows.</summary>
    private static void BulkInsertOpenTasks(string file, int rows)
    {
        var binary = new DateTimeOffsetToBinaryConverter();
        var now = DateTimeOffset.UtcNow;
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "WorkflowTasks" ("Id","InstanceId","DefinitionId","CompanyId","State","ActivityId","Form","Actions","Role","AssigneeUserId","ClaimedByUserId","Status","Priority","DueAt","CreatedAt","ClosedAt","ClosedByUserId","Outcome","TitleIt","TitleEn")
            VALUES ($id,$instance,'sample-procedure',NULL,'Submitted','review','company-review','approve,requestIntegration,reject','AgencyReviewer',NULL,NULL,0,1,$due,$created,NULL,NULL,NULL,'Esamina la richiesta','Review the request')
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var instance = command.Parameters.Add("$instance", SqliteType.Text);
        var due = command.Parameters.Add("$due", SqliteType.Integer);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        command.Prepare();
        for (var start = 0; start < rows; start += 50_000)
        {
            using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            for (var i = start; i < Math.Min(rows, start + 50_000); i++)
            {
                id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                instance.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                due.Value = binary.ConvertToProvider(now.AddMinutes(i % 525_600))!;
                created.Value = binary.ConvertToProvider(now)!;
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
