using System.Text.Json;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;

namespace EmployerWorkflows.Web.Hosting.Problems;

/// <summary>
/// The answer to an exception that is the caller's doing rather than a fault: the runtime's refusals (mapped by
/// <see cref="WorkflowProblems.ToResult"/>, the one mapping of them) and bodies that cannot be read. Anything else
/// is a fault of the application and has no answer here.
/// </summary>
public static class RequestProblems
{
    public static IResult? For(Exception exception) => exception switch
    {
        WorkflowException refusal => Features.Designer.DesignerProblems.For(refusal) ?? WorkflowProblems.ToResult(refusal),
        BadHttpRequestException bad => Unreadable(bad),
        // A multipart body whose structure is broken or longer than the form limits.
        InvalidDataException => new FieldErrors().Add("body", "Il modulo inviato non è leggibile o è troppo grande.",
            "The submitted form cannot be read or is too large.").ToResult(),
        _ => null,
    };

    private static IResult Unreadable(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json) return FieldProblem(json);
        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => JsonBodyLimit.TooLarge(),
            StatusCodes.Status415UnsupportedMediaType => Results.Problem(statusCode: 415,
                title: Lang.T("Formato della richiesta non supportato.", "Unsupported request format."),
                detail: Lang.T("Invia il corpo come application/json.", "Send the body as application/json.")),
            _ => new FieldErrors().Add("body", "Manca il corpo della richiesta, oppure non è un oggetto JSON come previsto.",
                "The request body is missing, or it is not the JSON object expected.").ToResult(),
        };
    }

    /// <summary>Names the field the reader stopped at, as the request spells it (<c>company.types[0]</c>).</summary>
    private static IResult FieldProblem(JsonException json)
    {
        var field = json.Path is { Length: > 1 } path && path.StartsWith("$.") ? path[2..] : "body";
        var errors = new FieldErrors();
        if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            errors.Add(field, "Campo sconosciuto: questa richiesta non lo prevede.", "Unknown field: this request does not take it.");
        else if (field == "body")
            errors.Add(field, "Il corpo della richiesta non è JSON valido o non ha la forma prevista.",
                "The request body is not valid JSON or does not have the expected shape.");
        else
            errors.Add(field, "Valore non valido per questo campo (tipo o formato errato).",
                "Invalid value for this field (wrong type or format).");
        return errors.ToResult();
    }
}
