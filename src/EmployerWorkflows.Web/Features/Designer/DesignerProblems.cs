using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>
/// The definition store's refusals as answers, for the global exception handler: a draft saved meanwhile by someone
/// else (409 with the current revision) and a draft that does not validate (400 with its errors).
/// </summary>
public static class DesignerProblems
{
    public static IResult? For(Exception exception) => exception switch
    {
        DraftConflictException e => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: Lang.T("Qualcun altro ha salvato questa bozza nel frattempo.", "Someone else saved this draft meanwhile."),
            detail: Lang.T("Ricarica la bozza: le tue modifiche non sono state salvate.", "Reload the draft: your changes were not saved."),
            extensions: new Dictionary<string, object?> { ["currentRevision"] = e.CurrentRevision }),
        DefinitionInvalidException e => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: Lang.T("La bozza contiene errori: non può essere pubblicata.", "The draft has errors and cannot be published."),
            extensions: new Dictionary<string, object?> { ["errors"] = DesignerError.Of(e.Errors) }),
        _ => null,
    };
}
