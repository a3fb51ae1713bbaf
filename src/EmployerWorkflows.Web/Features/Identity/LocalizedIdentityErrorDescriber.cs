using Microsoft.AspNetCore.Identity;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>Identity's messages in the user's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort),
        T($"La password deve avere almeno {length} caratteri.", $"The password must be at least {length} characters long."));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit),
        T("La password deve contenere almeno una cifra.", "The password must contain at least one digit."));
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper),
        T("La password deve contenere almeno una lettera maiuscola.", "The password must contain at least one upper-case letter."));
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower),
        T("La password deve contenere almeno una lettera minuscola.", "The password must contain at least one lower-case letter."));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric),
        T("La password deve contenere almeno un simbolo.", "The password must contain at least one symbol."));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName),
        T($"Esiste già un utente con codice fiscale {userName}.", $"A user with codice fiscale {userName} already exists."));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch),
        T("Password non corretta.", "Incorrect password."));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
