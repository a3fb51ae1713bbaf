using System.Reflection;
using System.Text.Json.Serialization;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>An activity run when a state is entered. <see cref="Kind"/> is the JSON <c>activity</c> value.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "activity")]
[JsonDerivedType(typeof(HumanTaskActivity), "humanTask")]
[JsonDerivedType(typeof(SendEmailActivity), "sendEmail")]
[JsonDerivedType(typeof(TimerActivity), "timer")]
[JsonDerivedType(typeof(ReminderActivity), "reminder")]
[JsonDerivedType(typeof(InvokeActivity), "invoke")]
[JsonDerivedType(typeof(SetVariableActivity), "setVariable")]
public abstract record ActivityDefinition
{
    /// <summary>Names accepted in <c>"activity"</c>, in the order the format documents them.</summary>
    public static IReadOnlyList<string> Kinds => KindsByType.Values.ToList();

    private static readonly IReadOnlyDictionary<Type, string> KindsByType = typeof(ActivityDefinition)
        .GetCustomAttributes<JsonDerivedTypeAttribute>().ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>Optional id, unique within the definition; journal and incidents name it.</summary>
    public string? Id { get; init; }

    /// <summary>The JSON <c>activity</c> discriminator, e.g. <c>humanTask</c>.</summary>
    [JsonIgnore]
    public string Kind => KindsByType[GetType()];
}

/// <summary>Opens a task in an inbox. Its actions are triggers of the state's transitions.</summary>
/// <param name="Role">Role whose members may work the task (inbox of that role).</param>
/// <param name="Assignee">JavaScript expression giving the assignee: a user id string or an object with <c>userId</c>.</param>
/// <param name="Form">Form id rendered for the task.</param>
/// <param name="Actions">Triggers offered as buttons.</param>
/// <param name="Due">ISO-8601 duration from entry to the due date, e.g. <c>P5D</c>.</param>
/// <param name="Priority">low, normal, high or urgent.</param>
/// <param name="Title">Task title shown in inboxes; the state title when absent.</param>
public sealed record HumanTaskActivity(
    string? Role,
    string? Assignee,
    string Form,
    IReadOnlyList<string> Actions,
    string? Due = null,
    TaskPriority Priority = TaskPriority.Normal,
    LocalizedText? Title = null) : ActivityDefinition;

/// <summary>Priority of a human task; inboxes sort on it.</summary>
public enum TaskPriority { Low = 0, Normal = 1, High = 2, Urgent = 3 }

/// <summary>Queues an email rendered from a Liquid template in the recipient's language.</summary>
/// <param name="Template">Template name: <c>workflows/templates/{it,en}/{Template}.liquid</c>.</param>
/// <param name="To">JavaScript expression: an address string, or an object with <c>email</c> (and optional
/// <c>name</c>, <c>language</c>, <c>userId</c>), or an array of those.</param>
/// <param name="Attachments">JavaScript expressions naming instance documents to attach.</param>
public sealed record SendEmailActivity(
    string Template,
    string To,
    IReadOnlyList<string>? Attachments = null) : ActivityDefinition
{
    public IReadOnlyList<string> Attachments { get; init; } = Attachments ?? [];

}

/// <summary>Schedules a durable timer that fires <see cref="Fire"/> unless the state is left first.</summary>
/// <param name="After">ISO-8601 duration from entry.</param>
/// <param name="At">JavaScript expression giving an ISO-8601 date/time.</param>
/// <param name="Fire">Trigger fired when the timer is due.</param>
public sealed record TimerActivity(string? After, string? At, string Fire) : ActivityDefinition;

/// <summary>Repeats an email (and optionally escalates) while the instance stays in the state.</summary>
/// <param name="Every">ISO-8601 duration between reminders; the first one comes after <see cref="First"/> or one period.</param>
/// <param name="First">Optional duration before the first reminder.</param>
/// <param name="Template">Email template of each reminder.</param>
/// <param name="To">Recipient expression, as for <see cref="SendEmailActivity.To"/>.</param>
/// <param name="Times">Maximum number of reminders; null repeats until the state is left.</param>
/// <param name="Escalate">Trigger fired after the last reminder, if any.</param>
public sealed record ReminderActivity(
    string Every,
    string? First,
    string Template,
    string To,
    int? Times = null,
    string? Escalate = null) : ActivityDefinition;

/// <summary>Calls a domain operation registered in C#.</summary>
/// <param name="Operation">Registered operation name, e.g. <c>company.activate</c>.</param>
/// <param name="Inputs">Input name → JavaScript expression.</param>
/// <param name="Result">Optional variable receiving the operation's result.</param>
public sealed record InvokeActivity(
    string Operation,
    IReadOnlyDictionary<string, string>? Inputs = null,
    string? Result = null) : ActivityDefinition
{
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = Inputs ?? new Dictionary<string, string>();

}

/// <summary>Sets an instance variable to the value of a JavaScript expression.</summary>
public sealed record SetVariableActivity(string Name, string Value) : ActivityDefinition;
