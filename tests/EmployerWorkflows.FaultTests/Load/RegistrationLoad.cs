using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EmployerWorkflows.FaultTests.Checks;

namespace EmployerWorkflows.FaultTests.Load;

/// <summary>
/// The load of the fault tests: a legal representative registers companies (each starts a review procedure and
/// queues an email) while agency reviewers complete the review tasks, approving some and asking integration of the
/// others (which schedules the integration deadline, a timer, and queues more email). Everything accepted goes in
/// the <see cref="Ledger"/>. A completion whose answer was lost is retried with the same idempotency key.
/// </summary>
public sealed class RegistrationLoad(Store store, Func<ApiClient> clients, Ledger ledger)
{
    public const string LegalRepresentative = "LGLRPP75H06A944H";
    public const string Reviewer = "RVWMRA80A01H501H";

    /// <summary>Demo users who register companies; each receives the emails of their registrations.</summary>
    public static readonly string[] Submitters =
        [LegalRepresentative, "HLPDSK82B02F205B", "SCDSKE85C03A944L", "DSGPRC88D44H501C", "PRTOPR79E05F205J"];
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly CompanyNumbers numbers = new();
    private readonly ConcurrentDictionary<Guid, byte> handled = new();

    /// <summary>A deadline sent with every integration request, or none to use the definition's delay.</summary>
    public DateTimeOffset? Deadline { get; set; }

    private const int MaxRefusals = 50;

    /// <summary>Registers companies until <paramref name="stop"/> is cancelled or <paramref name="limit"/> are accepted.</summary>
    public async Task RegisterAsync(CancellationToken stop, int limit = int.MaxValue, string submitter = LegalRepresentative)
    {
        using var client = clients();
        await client.LogInAsync(submitter, Patience);
        var refusals = 0;
        while (!stop.IsCancellationRequested && ledger.Registrations.Count < limit)
        {
            var cf = numbers.Next();
            var answer = await client.RegisterCompanyAsync(cf);
            ledger.Check(answer, $"registration of {cf}");
            refusals = answer.Status is { } status && (int)status < 500 ? refusals + 1 : 0;
            if (answer.Accepted) ledger.Registrations.Add(cf);
            else if (refusals >= MaxRefusals)
                // Refusals in a row are not a node coming back: repeating the same request would only spin.
                throw new InvalidOperationException($"Registration of {cf} by {submitter} was refused: {(int)answer.Status!} {answer.Body}");
            else await Task.Delay(100, CancellationToken.None); // the node is down or restarting: let it come back
        }
    }

    /// <summary>Completes the open review tasks of its share (<paramref name="share"/> of <paramref name="shares"/>) until stopped.</summary>
    public async Task ReviewAsync(int share, int shares, CancellationToken stop)
    {
        using var client = clients();
        await client.LogInAsync(Reviewer, Patience);
        while (!stop.IsCancellationRequested)
        {
            var open = (await OpenReviewTasksAsync())
                .Where(t => (uint)t.TaskId.GetHashCode() % (uint)shares == share && !handled.ContainsKey(t.TaskId)).ToList();
            if (open.Count == 0)
            {
                await Task.Delay(100, CancellationToken.None);
                continue;
            }
            foreach (var (taskId, instanceId) in open)
            {
                if (stop.IsCancellationRequested) break;
                handled.TryAdd(taskId, 0);
                await CompleteAsync(client, taskId, instanceId);
            }
        }
    }

    public async Task<List<(Guid TaskId, Guid InstanceId)>> OpenReviewTasksAsync() =>
        await store.ReadAsync("""
            SELECT "Id", "InstanceId" FROM "WorkflowTasks"
            WHERE "Status" = 0 AND "State" = 'UnderReview' AND "DefinitionId" = 'company-registration'
            """, r => (Store.Id(r, 0), Store.Id(r, 1)));

    /// <summary>One completion; a lost answer is asked again with the same key, which must not act twice.</summary>
    public async Task<Answer> CompleteAsync(ApiClient client, Guid taskId, Guid instanceId, string? action = null)
    {
        action ??= (uint)instanceId.GetHashCode() % 3 == 0 ? "approve" : "requestIntegration";
        var key = Guid.NewGuid().ToString("N");
        var until = DateTime.UtcNow + Patience;
        long? version = null;
        while (version is null)
        {
            var seen = await client.GetAsync($"/api/tasks/{taskId}");
            ledger.Check(seen, $"reading task {taskId}");
            if (seen.Accepted) version = seen.Body.GetProperty("instanceVersion").GetInt64();
            else if (seen.Status is not null || DateTime.UtcNow > until) return seen;
            else await Task.Delay(100, CancellationToken.None);
        }
        var payload = new JsonObject();
        if (action == "requestIntegration")
        {
            payload["reason"] = "Manca la visura camerale.";
            if (Deadline is { } deadline) payload["deadline"] = Hosting.TestWorkflows.Deadline(deadline);
        }
        while (true)
        {
            var answer = await client.CompleteAsync(taskId, action, payload, version.Value, key);
            ledger.Check(answer, $"{action} of task {taskId}");
            if (answer.Accepted) ledger.Completions.Add((instanceId, action));
            if (answer.Status is not null || DateTime.UtcNow > until) return answer;
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
