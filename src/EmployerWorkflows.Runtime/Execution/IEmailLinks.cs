namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Where the reader of a procedure's email opens that procedure. The host knows its public address; every email the
/// engine writes ends with this link, so no template can forget it.
/// </summary>
public interface IEmailLinks
{
    /// <summary>The link in the recipient's language, or null when the host has no address to give.</summary>
    EmailLink? For(Guid instanceId, string language);
}

/// <summary>A link's label (e.g. "Apri la pratica") and its absolute address.</summary>
public sealed record EmailLink(string Label, string Url);
