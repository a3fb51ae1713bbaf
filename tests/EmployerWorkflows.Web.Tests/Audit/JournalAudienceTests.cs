using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Features.Audit;

namespace EmployerWorkflows.Web.Tests.Audit;

public sealed class JournalAudienceTests
{
    private static readonly Guid Mine = Guid.NewGuid();
    private static readonly Guid Theirs = Guid.NewGuid();
    private static readonly JournalAudience Reader = JournalAudience.CompanyPerson("u-reader", [Mine]);

    // As the start of an administrator replacement was written before entries were trimmed: the whole variable set.
    private static JournalEntry LegacyStart(Guid companyId, string userId) => new()
    {
        Id = 7, At = DateTimeOffset.UnixEpoch, Kind = JournalKind.Started, InstanceId = Guid.NewGuid(), CompanyId = companyId,
        UserId = userId, CodiceFiscale = "RDRPRS90A01H501X", ActorName = "Reader Person", ToState = "UnderVerification",
        Summary = "started: oldAdministrators=[{\"userId\":\"u-admin\",\"email\":\"lucia.legale@example.org\",\"codiceFiscale\":\"LGLRPP75H06A944H\"}]",
    };

    [Fact]
    public void Project_KeepsTheEntryWhole_WhenItIsOfTheReadersCompany()
    {
        var entry = LegacyStart(Mine, "u-colleague");

        Assert.Same(entry, Reader.Project(entry));
    }

    [Fact]
    public void Project_LeavesOutSomeoneElsesAction_WhenTheCompanyIsNotTheReaders()
    {
        Assert.Null(Reader.Project(LegacyStart(Theirs, "u-admin")));
    }

    [Fact]
    public void Project_KeepsOnlyWhatTheReaderDid_WhenTheyStartedAProcedureForAnotherCompany()
    {
        var projected = Reader.Project(LegacyStart(Theirs, "u-reader"))!;

        Assert.Equal(("started", null, "u-reader", "RDRPRS90A01H501X", "UnderVerification"),
            (projected.Summary, projected.CompanyId, projected.UserId, projected.CodiceFiscale, projected.ToState));
    }

    [Fact]
    public void Project_KeepsTheOperationNameOnly_WhenTheReadersOwnTransitionRanItForAnotherCompany()
    {
        var operation = LegacyStart(Theirs, "u-reader");
        operation.Kind = JournalKind.Operation;
        operation.Summary = "jobroom.activateAccount: activation";

        Assert.Equal("jobroom.activateAccount", Reader.Project(operation)!.Summary);
    }

    [Fact]
    public void Project_KeepsEveryEntryWhole_ForAgencyStaff()
    {
        var entry = LegacyStart(Theirs, "u-admin");

        Assert.Same(entry, JournalAudience.Agency.Project(entry));
    }
}
