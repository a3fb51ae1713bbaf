using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;

namespace EmployerWorkflows.Web.Features.Companies.Registration;

/// <summary>A delegation document as uploaded: checked by content, never by its name or declared type.</summary>
public sealed record DelegationUpload(string FileName, byte[] Content);

/// <summary>
/// Who registers a company (rule 33): its legal representative, when the submitter's codice fiscale is the one
/// declared for the legal representative, or a delegate, who uploads a delegation signed by the legal representative
/// (a PDF). The choice is recorded on the procedure as <c>submittedBy</c>; the document is kept with its documents.
/// </summary>
public static class SubmitterRole
{
    public const string Variable = "submittedBy";
    public const string LegalRepresentative = "legalRepresentative";
    public const string Delegate = "delegate";
    public const string DocumentName = "delegation";
    public const int MaxMb = 5;
    private static readonly string[] Accepted = ["pdf"];

    public static string Of(AppUser user, CompanyInput? company) =>
        user.CodiceFiscale is { Length: > 0 } mine && company?.LegalRepresentative?.CodiceFiscale is { Length: > 0 } declared
        && string.Equals(mine.Trim(), declared.Trim(), StringComparison.OrdinalIgnoreCase)
            ? LegalRepresentative
            : Delegate;

    /// <summary>Adds the field error for a delegate without a valid document; the legal representative needs none.</summary>
    public static void Check(string role, DelegationUpload? document, FieldErrors errors)
    {
        if (document is null || document.Content.Length == 0)
        {
            if (role == Delegate)
                errors.Add(DocumentName,
                    "Non risulti il legale rappresentante dell'azienda: carica la delega firmata dal legale rappresentante (PDF).",
                    "You are not the company's legal representative: upload the delegation signed by the legal representative (PDF).");
            return;
        }
        if (document.Content.Length > MaxMb * 1024L * 1024L || UploadCheck.Recognise(document.Content, Accepted) is null)
            NotAccepted(errors);
    }

    public static FieldErrors TooLarge() => NotAccepted(new FieldErrors());

    private static FieldErrors NotAccepted(FieldErrors errors) => errors.Add(DocumentName,
        $"La delega deve essere un file PDF di al massimo {MaxMb} MB.", $"The delegation must be a PDF file of at most {MaxMb} MB.");

    /// <summary>Who sent a registration, as recorded on its procedure; null on procedures that do not record it.</summary>
    public static RegistrationSubmitter? FromVariables(JsonObject variables) =>
        variables[Variable]?.GetValue<string>() is { } role
            ? new RegistrationSubmitter(role, variables["submitter"]?["name"]?.GetValue<string>(), variables["submitter"]?["codiceFiscale"]?.GetValue<string>())
            : null;

    public static string Describe(string? role) => role == Delegate
        ? Localization.Lang.T("Delegato del legale rappresentante", "Delegate of the legal representative")
        : Localization.Lang.T("Legale rappresentante", "Legal representative");
}

/// <summary>The person who sent a registration and in which capacity.</summary>
public sealed record RegistrationSubmitter(string Role, string? Name, string? CodiceFiscale)
{
    public bool IsDelegate => Role == SubmitterRole.Delegate;
}
