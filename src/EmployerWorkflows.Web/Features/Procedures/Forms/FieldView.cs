using EmployerWorkflows.Runtime.Forms;

namespace EmployerWorkflows.Web.Features.Procedures.Forms;

/// <summary>One form field as the shared field partial renders it: definition, posted value, errors.</summary>
public sealed record FieldView(FormField Field, string? Value, string[]? Errors, bool Required);

/// <summary>The error line under a field; its id is the field's id + <c>-error</c>, named by aria-describedby.</summary>
public sealed record FieldErrorView(string Id, string[]? Messages);
