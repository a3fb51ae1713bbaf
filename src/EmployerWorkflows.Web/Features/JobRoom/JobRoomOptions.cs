namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>Settings of the SECO procedures (section <c>JobRoom</c> of the root <c>appsettings.json</c>).</summary>
public sealed class JobRoomOptions
{
    public const string Section = "JobRoom";

    /// <summary>Mailbox of the SECO desk that updates write rights on the back-payment eService (rule 6).</summary>
    public string KaeFfeAddress { get; set; } = "KAE-FFE@seco.admin.ch";

    /// <summary>Language of the emails to the KAE-FFE mailbox.</summary>
    public string KaeFfeLanguage { get; set; } = "it";

    /// <summary>Job-Room helpdesk for access and registration problems (rule 9).</summary>
    public string HelpdeskAddress { get; set; } = "jobroom@alv.admin.ch";

    /// <summary>Entry page of the eService «Pagamento arretrato», opened from an active Job-Room session (rule 5).</summary>
    public string EServiceUrl { get; set; } = "https://onlineformulare-ffe.arbeit.swiss/casesoverviewcreator-ffe?idp=jobroom&lang=it";

    /// <summary>Where companies read how to register on Job-Room.</summary>
    public string RegistrationInfoUrl { get; set; } =
        "https://www.arbeit.swiss/secoalv/it/home/menue/unternehmen/stellenmeldepflicht/Registrierung.html";

    /// <summary>Days after the procura is posted before the company is reminded to upload it.</summary>
    public int PowerOfAttorneyReminderDays { get; set; } = 10;

    /// <summary>Days after the procura is posted before the request expires; longer than the reminder.</summary>
    public int PowerOfAttorneyExpiryDays { get; set; } = 30;

    /// <summary>Months without use after which the person who filed a back-payment request counts as inactive.</summary>
    public int InactivityMonths { get; set; } = 6;

    /// <summary>Correction deadline, in days from the start of a renewal, when the company gives none.</summary>
    public int CorrectionDays { get; set; } = 30;

    /// <summary>Largest accepted upload (signed procura, screenshots), in megabytes.</summary>
    public int MaxUploadMb { get; set; } = 10;

    /// <summary>Unemployment funds that grant extensions of the correction deadline (rule 8).</summary>
    public List<UnemploymentFund> UnemploymentFunds { get; set; } = [];
}

/// <summary>An unemployment fund (cassa di disoccupazione) and the address extension requests go to.</summary>
public sealed class UnemploymentFund
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
}
