using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Features.Companies.Operations;
using EmployerWorkflows.Web.Features.Designer;

namespace EmployerWorkflows.Web.Tests.Designer;

public sealed class EditorSchemaTests
{
    private static JsonNode Schema() => JsonNode.Parse(EditorSchema.With([new ActivateCompany(), new RejectCompany()]))!;

    [Fact]
    public void With_DescribesEachOperationsDeclaredInputs_ForInvokeCompletion()
    {
        var companyId = Schema()["x-operations"]!["company.activate"]!["inputs"]!["companyId"]!;

        Assert.Equal("guid", (string?)companyId["type"]);
        Assert.True((bool)companyId["required"]!);
        Assert.Equal("Company whose registration was approved.", (string?)companyId["description"]);
    }

    [Fact]
    public void With_OffersRegisteredOperationNames_AsExamplesOfInvokeOperation()
    {
        var examples = Schema()["$defs"]!["invoke"]!["properties"]!["operation"]!["examples"]!.AsArray().Select(n => (string?)n);

        Assert.Equal(["company.activate", "company.reject"], examples);
    }

    [Fact]
    public void With_KeepsTheEmbeddedSchema_ForEveryActivity()
    {
        Assert.NotNull(Schema()["$defs"]!["reminder"]!["properties"]!["escalate"]);
    }
}
