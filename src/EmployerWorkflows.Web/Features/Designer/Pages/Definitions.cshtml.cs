using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Pages;

[Authorize(Roles = Roles.ProcessDesigner)]
public sealed class DefinitionsModel(DefinitionOverview overview) : PageModel
{
    public IReadOnlyList<DefinitionSummary> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Definitions = await overview.ListAsync(null, ct);

    public object ScriptData => new
    {
        existing = Definitions.Select(d => d.DefinitionId),
        texts = new Dictionary<string, string>(DesignerTexts.Import())
        {
            ["newInvalid"] = T("Indica un identificativo in minuscolo con trattini (es. richiesta-ferie) e un titolo in italiano.",
                "Give an identifier in lower case with hyphens (e.g. leave-request) and an Italian title."),
            ["newExists"] = T("Il procedimento {0} esiste già: aprilo dalla tabella.", "The procedure {0} already exists: open it from the table."),
            ["newFailed"] = T("Non è stato possibile creare la bozza.", "The draft could not be created."),
        },
    };
}
