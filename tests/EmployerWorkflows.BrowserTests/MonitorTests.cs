using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MonitorTests(Chromium chromium) : BrowserScenario(chromium)
{
    private const string Operator = "PRTOPR79E05F205J";

    /// <summary>Forwarded requests are checked against the business register before a reviewer confirms them.</summary>
    private static readonly string RegisterCheck = WorkflowFixture.Read("register-check.workflow.json");

    private readonly BusinessRegister register = new();

    public override Task InitializeAsync()
    {
        App.TestServices = services => services.AddSingleton<IWorkflowOperation>(register);
        return base.InitializeAsync();
    }

    [Fact]
    public async Task Operator_RetriesFaultedInstance_OnceTheRegisterIsBackOnline()
    {
        var faulted = await ForwardWhileRegisterIsDownAsync();
        var op = await LoginAsync(Operator);

        await op.VisitAsync("/monitor");
        await Expect(op.Locator("[data-count=faulted]")).ToHaveTextAsync("1");
        await AssertEveryInputLabelledAsync(op);
        await op.GetByLabel("Solo in errore").CheckAsync();
        await op.GetByRole(AriaRole.Button, new() { Name = "Filtra" }).ClickAsync();
        await op.ArrivedAtAsync("faulted=true");
        var row = op.Locator("tr[data-instance]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("In errore");
        await ScreenshotAsync(op, "monitor-faulted");

        await row.GetByRole(AriaRole.Link, new() { Name = "Verifica nel registro imprese" }).ClickAsync();
        await op.ArrivedAtAsync($"/monitor/{faulted}$");
        var incident = op.Locator("tr[data-incident]");
        await Expect(incident).ToContainTextAsync("Registro imprese non raggiungibile");
        await Expect(incident).ToContainTextAsync("Aperto");
        await Expect(op.Locator("pre.mermaid svg")).ToBeVisibleAsync();
        await Expect(op.Locator("[data-status]")).ToHaveTextAsync("In errore");
        await AssertEveryInputLabelledAsync(op);
        await ScreenshotAsync(op, "monitor-incident");

        register.Online = true;
        await incident.GetByRole(AriaRole.Button, new() { Name = "Riprova" }).ClickAsync();

        await Expect(op.Locator(".monitor-message")).ToContainTextAsync("Nuovo tentativo riuscito: la pratica è nello stato «In verifica» (In corso)");
        await Expect(op.Locator("[data-status]")).ToHaveTextAsync("In corso");
        await Expect(op.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Verification");
        await Expect(op.Locator("tr[data-incident]")).ToContainTextAsync("Risolto");
        await Expect(op.Locator("tr[data-kind=Retry]")).ToContainTextAsync("Pietro Operatore");
        await Expect(op.Locator(".open-tasks")).ToHaveCountAsync(1);
        await Expect(op.GetByRole(AriaRole.Button, new() { Name = "Riprova" })).ToHaveCountAsync(0);
        Assert.Equal(1, register.Lookups);
        await ScreenshotAsync(op, "monitor-retried");
    }

    /// <summary>A reviewer forwards a request while the register is down: the lookup fails and the instance faults.</summary>
    private async Task<Guid> ForwardWhileRegisterIsDownAsync()
    {
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        await store.SaveDraftAsync("register-check", RegisterCheck, null, null);
        await store.PublishAsync("register-check", null);
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var started = await engine.StartAsync(new StartWorkflow("register-check", null, [], "REQ-1", null, WorkflowActor.System));
        var forwarded = await engine.FireAsync(new FireTrigger(started.InstanceId, "forward", WorkflowActor.System));
        Assert.Equal(Runtime.Persistence.InstanceStatus.Faulted, forwarded.Status);
        return started.InstanceId;
    }

    /// <summary>The business register as the procedure sees it: unreachable until <see cref="Online"/> is set.</summary>
    private sealed class BusinessRegister : IWorkflowOperation
    {
        public volatile bool Online;
        private int lookups;

        public int Lookups => lookups;
        public string Name => "register.lookup";
        public string Description => "Looks the company up in the business register.";
        public IReadOnlyList<OperationInput> Inputs { get; } = [];

        public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
        {
            if (!Online) throw new HttpRequestException("Registro imprese non raggiungibile (timeout dopo 30 s).");
            Interlocked.Increment(ref lookups);
            return Task.FromResult<object?>(null);
        }
    }
}
