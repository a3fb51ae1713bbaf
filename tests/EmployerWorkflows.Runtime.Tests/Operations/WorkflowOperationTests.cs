using System.ComponentModel;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Tests.Operations;

public sealed class WorkflowOperationTests
{
    private sealed class Sample : WorkflowOperation<Sample.Input>
    {
        public sealed record Input(
            [Description("Company to act on.")] Guid CompanyId,
            [Description("Who asked.")] string RequesterName,
            string? Note,
            int Seats,
            bool? Notify,
            DateTimeOffset? From,
            JsonNode? Extra);

        public Input? Received { get; private set; }

        public override string Name => "sample.run";
        public override string Description => "A sample.";

        protected override Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
        {
            Received = input;
            return Task.FromResult<object?>(null);
        }
    }

    [Fact]
    public void Inputs_ComeFromTheInputRecord_InConstructorOrder()
    {
        var inputs = new Sample().Inputs;

        Assert.Equal(
            [
                new OperationInput("companyId", OperationInputType.Guid, true, "Company to act on."),
                new OperationInput("requesterName", OperationInputType.String, true, "Who asked."),
                new OperationInput("note", OperationInputType.String, false, ""),
                new OperationInput("seats", OperationInputType.Number, true, ""),
                new OperationInput("notify", OperationInputType.Boolean, false, ""),
                new OperationInput("from", OperationInputType.Date, false, ""),
                new OperationInput("extra", OperationInputType.Object, false, ""),
            ],
            inputs);
    }

    [Fact]
    public async Task InvokeAsync_PassesTypedRecord_WhenGivenEvaluatedInputs()
    {
        var operation = new Sample();
        var company = Guid.NewGuid();
        var values = new Dictionary<string, object?>
        {
            ["companyId"] = company, ["requesterName"] = "Maria", ["note"] = null, ["seats"] = 3m,
            ["notify"] = true, ["from"] = null, ["extra"] = null,
        };

        await ((IWorkflowOperation)operation).InvokeAsync(
            new OperationContext(null!, Guid.NewGuid(), null, values, WorkflowActor.System, DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal(new Sample.Input(company, "Maria", null, 3, true, null, null), operation.Received);
    }

    private sealed class Unsupported : WorkflowOperation<Unsupported.Input>
    {
        public sealed record Input(Uri Address);

        public override string Name => "sample.unsupported";
        public override string Description => "Takes a type operations cannot declare.";

        protected override Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken) =>
            Task.FromResult<object?>(null);
    }

    [Fact]
    public void Inputs_NameTheParameter_WhenRecordHasATypeOperationsCannotDeclare()
    {
        var error = Assert.Throws<TypeInitializationException>(() => new Unsupported().Inputs);

        Assert.Contains("Input.Address", error.InnerException!.Message, StringComparison.Ordinal);
    }
}
