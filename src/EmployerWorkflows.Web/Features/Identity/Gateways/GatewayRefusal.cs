using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Identity.Gateways;

/// <summary>Why a sign-in through a gateway was refused; the name travels in the refusal page's address.</summary>
public enum GatewayRefusal
{
    LevelTooLow,
    MissingCodiceFiscale,
    InvalidCodiceFiscale,
    /// <summary>The ID token failed a check: issuer, audience, signature, lifetime or nonce.</summary>
    TokenRejected,
    /// <summary>The answer does not belong to a sign-in started here, or was already used.</summary>
    StateRejected,
    /// <summary>The gateway answered with an error (the person cancelled, or the gateway failed).</summary>
    GatewayError,
    AccountDisabled,
    /// <summary>A sign-in asked of a gateway that is not configured.</summary>
    UnknownGateway,
}

public static class GatewayRefusals
{
    public static string Message(GatewayRefusal refusal) => refusal switch
    {
        GatewayRefusal.LevelTooLow => T(
            "L'accesso richiede SPID di livello 2 o superiore, CIE o CNS. Accedi di nuovo con un'identità digitale di livello 2 (ad esempio con codice OTP o app).",
            "Access requires SPID level 2 or higher, CIE or CNS. Sign in again with a level 2 digital identity (for example with an OTP code or app)."),
        GatewayRefusal.MissingCodiceFiscale => T(
            "Il gestore dell'identità non ha comunicato il codice fiscale: senza codice fiscale non è possibile accedere.",
            "The identity provider did not send the codice fiscale: without it you cannot sign in."),
        GatewayRefusal.InvalidCodiceFiscale => T(
            "Il codice fiscale comunicato dal gestore dell'identità non è valido.",
            "The codice fiscale sent by the identity provider is not valid."),
        GatewayRefusal.TokenRejected => T(
            "La risposta del gestore dell'identità non ha superato i controlli di sicurezza. Riprova l'accesso.",
            "The identity provider's answer failed the security checks. Try signing in again."),
        GatewayRefusal.StateRejected => T(
            "Questa risposta di accesso non è valida o è già stata usata. Riprova l'accesso dall'inizio.",
            "This sign-in answer is not valid or was already used. Start signing in again."),
        GatewayRefusal.GatewayError => T(
            "Il gestore dell'identità non ha completato l'accesso.",
            "The identity provider did not complete the sign-in."),
        GatewayRefusal.AccountDisabled => T(
            "Questo account è disattivato. Rivolgiti all'amministratore.",
            "This account is disabled. Contact the administrator."),
        _ => T("Accesso non riuscito.", "Sign-in failed."),
    };
}
