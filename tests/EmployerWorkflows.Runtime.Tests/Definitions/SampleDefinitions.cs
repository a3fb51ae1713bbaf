namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>Definition documents shared by parser and validator tests.</summary>
internal static class SampleDefinitions
{
    /// <summary>A complete, valid registration procedure using every activity kind.</summary>
    public const string CompanyRegistration = """
        {
          "$schema": "../schema/workflow.schema.json",
          "id": "company-registration",
          "title": { "it": "Registrazione azienda", "en": "Company registration" },
          "initial": "UnderReview",
          "variables": { "integrations": 0, "company": { "name": null } },
          "states": {
            "UnderReview": {
              "title": { "it": "In revisione", "en": "Under review" },
              "onEntry": [
                { "activity": "humanTask", "id": "review", "role": "AgencyReviewer", "form": "company-review",
                  "actions": ["approve", "reject", "requestIntegration"], "due": "P5D", "priority": "high",
                  "title": { "it": "Verifica registrazione", "en": "Review registration" } },
                { "activity": "sendEmail", "template": "registration-received", "to": "vars.submitterEmail",
                  "attachments": ["'visura'"] }
              ],
              "on": {
                "approve": [
                  { "to": "Approved", "when": "vars.company.name !== null", "roles": ["AgencyReviewer"] },
                  { "to": "AwaitingIntegration" }
                ],
                "reject": { "to": "Rejected", "requires": ["reason"], "roles": ["AgencyReviewer"] },
                "requestIntegration": { "to": "AwaitingIntegration" }
              }
            },
            "AwaitingIntegration": {
              "onEntry": [
                { "activity": "setVariable", "name": "integrations", "value": "vars.integrations + 1" },
                { "activity": "humanTask", "assignee": "vars.submitterUserId", "form": "company-integration",
                  "actions": ["resubmit"] },
                { "activity": "timer", "id": "expiry", "after": "P15D", "fire": "expire" },
                { "activity": "reminder", "every": "P5D", "first": "P2D", "template": "integration-reminder",
                  "to": "vars.submitterEmail", "times": 2, "escalate": "expire" }
              ],
              "on": { "resubmit": { "to": "UnderReview" }, "expire": { "to": "Rejected" } }
            },
            "Approved": {
              "onEntry": [
                { "activity": "invoke", "operation": "company.activate",
                  "inputs": { "companyId": "vars.companyId" }, "result": "activation" }
              ],
              "final": true
            },
            "Rejected": { "final": true }
          }
        }
        """;
}
