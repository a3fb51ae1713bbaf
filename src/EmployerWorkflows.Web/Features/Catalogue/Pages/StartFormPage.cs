using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>
/// A catalogue page that starts a procedure from a form definition, the way a task page completes a step: the form is
/// drawn and checked like a task form, the start goes to the same service as the API, and a refusal (field errors, a
/// refusal as a whole, or the engine's own) keeps what was typed and answers with the matching status.
/// </summary>
public abstract class StartFormPage(FileFormCatalog forms, string formId) : PageModel
{
    public FormDefinition Form { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Refusal { get; private set; }

    public void OnGet() => Form = StartForm();

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : null;

    /// <summary>The posted form checked against its definition; null when its field errors already answer the page.</summary>
    protected async Task<FormSubmission?> ReadAsync(CancellationToken ct)
    {
        Form = StartForm();
        var submission = await FormInput.ReadAsync(Form, Request.Form, [], ct);
        if (!submission.Errors.Any) return submission;
        Errors = submission.Errors.ToDictionary();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return null;
    }

    /// <summary>Runs the start; on success <paramref name="started"/> answers, otherwise the page shows why.</summary>
    protected async Task<IActionResult> StartAsync<T>(Func<Task<Outcome<T>>> start, Func<T, IActionResult> started)
    {
        Form ??= StartForm();
        Outcome<T> outcome;
        try
        {
            outcome = await start();
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            Refusal = refusal.Text;
            Errors = refusal.Fields;
            Response.StatusCode = refusal.StatusCode;
            return Page();
        }
        if (outcome.Succeeded) return started(outcome.Value!);
        Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]>();
        if (outcome.Refusal is not null) Refusal = outcome.Message;
        Response.StatusCode = outcome.Errors is not null ? StatusCodes.Status400BadRequest
            : outcome.Refusal is not null ? outcome.RefusalStatus
            : StatusCodes.Status404NotFound;
        return Page();
    }

    private FormDefinition StartForm() =>
        forms.Get(formId) ?? throw new InvalidOperationException($"The start form '{formId}' is missing from workflows/forms.");
}
