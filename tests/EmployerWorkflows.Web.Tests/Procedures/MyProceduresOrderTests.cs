using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.Procedures.Pages;

namespace EmployerWorkflows.Web.Tests.Procedures;

public sealed class MyProceduresOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MyProcedures_ListsWhatWaitsForThePersonFirstSoonestDeadlineFirst_WhenOtherProceduresAreNewer()
    {
        // Newest first, as the instances come from the store.
        var agencyWorking = View("agency", myTaskDue: null, agencyTask: true);
        var noDeadline = View("mine-undated", myTaskDue: null, myTask: true);
        var later = View("mine-later", myTaskDue: Now.AddDays(9), myTask: true);
        var finished = View("finished", myTaskDue: null);
        var sooner = View("mine-sooner", myTaskDue: Now.AddDays(2), myTask: true);

        var ordered = MyProceduresModel.WaitingForMeFirst([agencyWorking, noDeadline, later, finished, sooner]);

        Assert.Equal(["mine-sooner", "mine-later", "mine-undated", "agency", "finished"], ordered.Select(v => v.Instance.State));
    }

    private static ProcedureView View(string label, DateTimeOffset? myTaskDue, bool myTask = false, bool agencyTask = false)
    {
        var instance = new InstanceView(Guid.NewGuid(), "company-registration", 1, label, InstanceStatus.Running, "{}", null, null,
            Now, null, Now, null, 1);
        InboxTask Task(string role) => new(Guid.NewGuid(), instance.Id, "company-registration", null, label, null, "form", ["resubmit"], role,
            null, null, WorkflowTaskStatus.Open, TaskPriority.Normal, myTaskDue, Now, null, null, "Compito", "Task");
        var definition = new WorkflowDefinition("company-registration", new LocalizedText("Registrazione", "Registration"), label,
            new Dictionary<string, StateDefinition>());
        return new ProcedureView(instance, definition, null, [], myTask ? [Task("Company")] : [], agencyTask ? [Task("AgencyReviewer")] : [], []);
    }
}
