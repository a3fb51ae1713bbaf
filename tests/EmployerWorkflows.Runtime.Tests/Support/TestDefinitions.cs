namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>Definition documents the runtime tests run.</summary>
internal static class TestDefinitions
{
    /// <summary>
    /// A registration review: a reviewer task, an acknowledgement, a 10-day deadline; approval activates the company
    /// (small amounts) or goes to a second review; changes are requested with reminders that escalate.
    /// </summary>
    public const string Review = """
        {
          "id": "review",
          "title": { "it": "Revisione registrazione", "en": "Registration review" },
          "initial": "Submitted",
          "variables": { "attempts": 0 },
          "states": {
            "Submitted": {
              "title": { "it": "Inviata", "en": "Submitted" },
              "onEntry": [
                { "activity": "humanTask", "id": "review", "role": "AgencyReviewer", "form": "review-form",
                  "actions": ["approve", "reject", "requestChanges"], "due": "P5D", "priority": "high" },
                { "activity": "sendEmail", "id": "ack", "template": "received", "to": "vars.submitter" },
                { "activity": "timer", "id": "deadline", "after": "P10D", "fire": "expire" }
              ],
              "on": {
                "approve": [
                  { "to": "Activating", "when": "vars.amount < 1000", "roles": ["AgencyReviewer"] },
                  { "to": "SecondReview", "roles": ["AgencyReviewer"] }
                ],
                "reject": { "to": "Rejected", "requires": ["reason"], "roles": ["AgencyReviewer"] },
                "requestChanges": { "to": "AwaitingChanges", "roles": ["AgencyReviewer"] },
                "comment": { "to": "Submitted" },
                "expire": { "to": "Expired" }
              }
            },
            "SecondReview": {
              "onEntry": [
                { "activity": "humanTask", "role": "SecoDesk", "form": "review-form", "actions": ["approve"] }
              ],
              "on": { "approve": { "to": "Activating", "roles": ["SecoDesk"] } }
            },
            "AwaitingChanges": {
              "onEntry": [
                { "activity": "setVariable", "name": "attempts", "value": "vars.attempts + 1" },
                { "activity": "humanTask", "assignee": "vars.submitterUserId", "form": "changes-form", "actions": ["resubmit"] },
                { "activity": "reminder", "id": "nudge", "every": "P2D", "template": "reminder",
                  "to": "vars.submitter", "times": 2, "escalate": "expire" }
              ],
              "on": { "resubmit": { "to": "Submitted" }, "expire": { "to": "Expired" } }
            },
            "Activating": {
              "onEntry": [
                { "activity": "sendEmail", "id": "approvedMail", "template": "received", "to": "vars.submitter" },
                { "activity": "invoke", "id": "activate", "operation": "company.activate",
                  "inputs": { "companyId": "vars.companyId", "amount": "vars.amount" }, "result": "activation" },
                { "activity": "setVariable", "name": "activated", "value": "true" }
              ],
              "final": true
            },
            "Rejected": { "final": true },
            "Expired": { "final": true }
          }
        }
        """;

    /// <summary>A procedure whose first email uses a template that fails to render.</summary>
    public const string BrokenTemplate = """
        {
          "id": "broken-mail",
          "title": { "it": "Posta rotta", "en": "Broken mail" },
          "initial": "Waiting",
          "states": {
            "Waiting": { "on": { "notify": { "to": "Notified" } } },
            "Notified": {
              "onEntry": [ { "activity": "sendEmail", "id": "notice", "template": "broken", "to": "'someone@example.it'" } ],
              "final": true
            }
          }
        }
        """;

    /// <summary>Sends the instance's uploaded documents, named by the start input, to the applicant.</summary>
    public const string DocumentNotice = """
        {
          "id": "document-notice",
          "title": { "it": "Invio documenti", "en": "Document notice" },
          "initial": "Collecting",
          "states": {
            "Collecting": { "on": { "send": { "to": "Sent" } } },
            "Sent": {
              "onEntry": [ { "activity": "sendEmail", "id": "documents", "template": "received", "to": "vars.applicant",
                             "attachments": ["vars.documentName", "'receipt'"] } ],
              "final": true
            }
          }
        }
        """;
}
