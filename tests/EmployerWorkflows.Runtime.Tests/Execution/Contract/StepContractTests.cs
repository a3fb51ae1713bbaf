using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Execution.Contract;

/// <summary>
/// A step accepts only its declared fields, well typed, never a protected variable, documents only of its instance
/// and uploader; its checks run inside the transition and a refusal leaves nothing behind.
/// </summary>
public sealed class StepContractTests : IAsyncLifetime
{
    private static readonly string Definition = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Execution", "Contract", "step-contract.workflow.json"));

    private readonly TestDatabase _database = new();
    private readonly EditableForms _forms = new();
    private RuntimeHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new RuntimeHost(_database, definitions: services =>
        {
            services.AddSingleton<ITemplateCatalog>(_forms);
            services.AddSingleton<IFormCatalog>(_forms);
            services.AddSingleton<IRoleCatalog>(_forms);
            services.AddSingleton<IExpressionEvaluator>(new JintExpressionEvaluator());
            services.AddSingleton<IDefinitionValidator, DefinitionValidator>();
            services.AddSingleton<IEmailTemplateRenderer, ModelEchoRenderer>();
        }, configure: services => services.AddSingleton<IWorkflowOperation, LimitOperation>());
        await _host.PublishAsync(Definition);
        await using var db = _database.Open();
        db.Companies.Add(new TestCompany { Id = Actors.CompanyId, Name = "Rossi Costruzioni srl" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Guid> StartAsync(decimal amount = 500) =>
        (await _host.Engine.StartAsync(new StartWorkflow("step-contract", null, new JsonObject
        {
            ["companyId"] = Actors.CompanyId.ToString(), ["amount"] = amount,
            ["submitter"] = new JsonObject { ["email"] = "luigi.verdi@example.it", ["userId"] = "u-submitter" },
        }, null, Actors.CompanyId, Actors.Submitter))).InstanceId;

    private Task<WorkflowResult> FireAsync(Guid id, string trigger, JsonObject? payload, WorkflowActor? actor = null) =>
        _host.Engine.FireAsync(new FireTrigger(id, trigger, actor ?? Actors.Reviewer, payload));

    private async Task<(string State, JsonObject Variables)> InstanceAsync(Guid id)
    {
        await using var db = _database.Open();
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == id);
        return (instance.State, (JsonObject)JsonNode.Parse(instance.Variables)!);
    }

    [Fact]
    public async Task Fire_RefusesNamingTheField_WhenPayloadCarriesAFieldTheStepDoesNotDeclare()
    {
        var id = await StartAsync();

        var error = await Assert.ThrowsAsync<PayloadInvalidException>(() =>
            FireAsync(id, "reject", new JsonObject { ["reason"] = "incomplete", ["companyId"] = Guid.NewGuid().ToString() }));

        Assert.Equal(["companyId"], error.Errors.Keys);
        Assert.Equal(FieldMessages.Unknown, error.Errors["companyId"]);
        var (state, variables) = await InstanceAsync(id);
        Assert.Equal(("Review", Actors.CompanyId.ToString()), (state, variables["companyId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Fire_RefusesProtectedVariable_WhenAFormEditedAfterPublishingDeclaresIt()
    {
        var id = await StartAsync();
        _forms.ReviewExtra = new FormField("companyId", new LocalizedText("Azienda", "Company"), FormFieldType.Text, false, [], [], null, false, null);

        var error = await Assert.ThrowsAsync<PayloadInvalidException>(() =>
            FireAsync(id, "reject", new JsonObject { ["reason"] = "incomplete", ["companyId"] = Guid.NewGuid().ToString() }));

        Assert.Equal(FieldMessages.Protected, Assert.Single(error.Errors).Value);
        Assert.Equal(Actors.CompanyId.ToString(), (await InstanceAsync(id)).Variables["companyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fire_ListsMissingAndIllTypedFields_WhenDeclaredInputsAreWrong()
    {
        var id = await StartAsync();

        var error = await Assert.ThrowsAsync<PayloadInvalidException>(() =>
            FireAsync(id, "attach", new JsonObject { ["evidence"] = "not-an-id" }));

        Assert.Equal(new Dictionary<string, LocalizedText> { ["comment"] = FieldMessages.Required, ["evidence"] = FieldMessages.NotADocument },
            error.Errors.OrderBy(e => e.Key).ToDictionary());
        Assert.Equal(["comment"], error.MissingFields);
    }

    [Fact]
    public async Task Fire_RefusesTextFieldGivenAsNumber_WhenTypeDoesNotMatch()
    {
        var id = await StartAsync();

        var error = await Assert.ThrowsAsync<PayloadInvalidException>(() => FireAsync(id, "attach", new JsonObject { ["comment"] = 42 }));

        Assert.Equal("Expected a text.", Assert.Single(error.Errors).Value.En);
    }

    [Fact]
    public async Task Fire_RefusesDocument_WhenItBelongsToAnotherInstance()
    {
        var id = await StartAsync();
        var other = await StartAsync();
        var foreign = await AddDocumentAsync(other, Actors.Reviewer.UserId);

        var error = await Assert.ThrowsAsync<PayloadInvalidException>(() =>
            FireAsync(id, "attach", new JsonObject { ["comment"] = "see file", ["evidence"] = foreign.ToString() }));

        Assert.Equal(FieldMessages.NotADocument, error.Errors["evidence"]);
    }

    [Fact]
    public async Task Fire_RefusesDocument_WhenSomeoneElseUploadedIt()
    {
        var id = await StartAsync();
        var theirs = await AddDocumentAsync(id, Actors.Submitter.UserId);

        var error = await Assert.ThrowsAsync<PayloadInvalidException>(() =>
            FireAsync(id, "attach", new JsonObject { ["comment"] = "see file", ["evidence"] = theirs.ToString() }));

        Assert.Equal(FieldMessages.NotADocument, error.Errors["evidence"]);
    }

    [Fact]
    public async Task Fire_StoresDeclaredFieldsAndDocumentId_WhenCallerUploadedTheDocument()
    {
        var id = await StartAsync();
        var mine = await AddDocumentAsync(id, Actors.Reviewer.UserId);

        await FireAsync(id, "attach", new JsonObject { ["comment"] = "see file", ["evidence"] = mine.ToString() });

        var variables = (await InstanceAsync(id)).Variables;
        Assert.Equal(("see file", mine.ToString()), (variables["comment"]!.GetValue<string>(), variables["evidence"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Fire_RollsBackEverythingWithoutIncident_WhenStepCheckRefuses()
    {
        var id = await StartAsync();
        var before = await FootprintAsync();

        var error = await Assert.ThrowsAsync<StepRefusedException>(() => FireAsync(id, "approve", new JsonObject { ["amount"] = 5000 }));

        Assert.Equal("Amount over the limit.", error.Errors["amount"].En);
        Assert.Equal(before, await FootprintAsync());
        await using var db = _database.Open();
        Assert.Equal(0, await db.Set<Incident>().CountAsync());
    }

    [Fact]
    public async Task Fire_RunsStepActivitiesInTheTransition_WhenChecksPass()
    {
        var id = await StartAsync();

        var result = await FireAsync(id, "approve", new JsonObject { ["amount"] = 900 });

        var (state, variables) = await InstanceAsync(id);
        Assert.Equal((InstanceStatus.Completed, "Approved", "u-reviewer"), (result.Status, state, variables["approvedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Validate_RefusesInputNamedAsProtectedVariable_WithPathAndCode()
    {
        var validator = _host.Services.GetRequiredService<IDefinitionValidator>();

        var check = validator.Validate(Definition.Replace("\"comment\": {", "\"approvedBy\": {", StringComparison.Ordinal));

        var error = Assert.Single(check.Errors);
        Assert.Equal(("$.states.Review.on.attach.inputs.approvedBy", "protected-input"), (error.Path, error.Code));
        Assert.Contains("rinomina", error.In("it"), StringComparison.Ordinal);
    }

    private async Task<Guid> AddDocumentAsync(Guid instanceId, string? uploadedBy)
    {
        await using var db = _database.Open();
        var document = InstanceDocuments.Add(db, instanceId, Actors.CompanyId, $"evidence-{Guid.NewGuid():N}", "evidence.pdf", "application/pdf",
            "%PDF-1.4"u8.ToArray(), uploadedBy, RuntimeHost.Start);
        await db.SaveChangesAsync();
        return document.Id;
    }

    private async Task<string> FootprintAsync()
    {
        await using var db = _database.Open();
        var instances = await db.Set<WorkflowInstance>().AsNoTracking().OrderBy(i => i.Id).Select(i => $"{i.State}/{i.Status}/{i.Version}/{i.Variables}").ToListAsync();
        return string.Join(";", instances) + $"|journal={await db.Set<Runtime.Journal.JournalEntry>().CountAsync()}" +
               $"|tasks={await db.Set<WorkflowTask>().CountAsync(t => t.Status == WorkflowTaskStatus.Open)}|active={await db.Companies.CountAsync(c => c.Active)}";
    }

    /// <summary>The test catalogs, with a field that can be added to the review form after the definition is published.</summary>
    private sealed class EditableForms : ITemplateCatalog, IFormCatalog, IRoleCatalog
    {
        private readonly TestCatalogs _inner = new();
        public FormField? ReviewExtra { get; set; }
        public bool Exists(string name) => _inner.Exists(name);
        public string? GetSource(string name, string language) => _inner.GetSource(name, language);

        public FormDefinition? Find(string formId) => _inner.Find(formId) is { } form && ReviewExtra is { } extra && formId == "review-form"
            ? form with { Fields = [.. form.Fields, extra] }
            : _inner.Find(formId);
    }
}
