using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Journal;

/// <summary>Journal entries say what changed, never whole variable sets nor who the procedure is about.</summary>
public sealed class ChangeSummaryTests : ReviewScenarioTest
{
    private static readonly Func<string, bool> PinIsSecret = name => name == "pin";

    [Fact]
    public async Task Start_JournalsThePlainStartValuesButNoPerson_WhenVariablesHoldPeople()
    {
        await Scenario.StartAsync(amount: 750);

        await using var db = Scenario.Database.Open();
        var entry = await db.Set<JournalEntry>().SingleAsync();
        Assert.Equal($"started: companyId=\"{Scenario.CompanyId}\", amount=750", entry.Summary);
    }

    [Fact]
    public void Started_LeavesOutObjectsAndListsWithTheirNames_WhenTheHostFilledThemIn()
    {
        var summary = ChangeSummary.Started(new JsonObject
        {
            ["requestReason"] = "Accesso perso",
            ["oldAdministrators"] = new JsonArray(new JsonObject { ["email"] = "anna@example.org" }),
            ["company"] = new JsonObject { ["name"] = "Officine Srl" },
        }, PinIsSecret);

        Assert.Equal("started: requestReason=\"Accesso perso\"", summary);
    }

    [Fact]
    public void Changed_NamesEveryFieldButShowsOnlyPlainImpersonalValues_WhenPayloadMixesThem()
    {
        var summary = ChangeSummary.Changed("reject", new JsonObject
        {
            ["reason"] = "documenti mancanti",
            ["newEmail"] = "nuova@example.org",
            ["contact"] = new JsonObject { ["phone"] = "3331234567" },
            ["pin"] = "918273",
            ["days"] = 3,
        }, PinIsSecret);

        Assert.Equal("reject: reason=\"documenti mancanti\", newEmail, contact, pin=***, days=3", summary);
    }

    [Theory]
    [InlineData("scrivere a mario.rossi@example.org")]
    [InlineData("delegato RSSMRA80A01H501U")]
    public void Changed_HidesAValueThatNamesAPerson_WhateverTheFieldIsCalled(string note)
    {
        var summary = ChangeSummary.Changed("approve", new JsonObject { ["note"] = note }, PinIsSecret);

        Assert.Equal("approve: note", summary);
    }

    [Fact]
    public void Operation_NamesTheVariableItWrote_WhenItStoresAResult()
    {
        Assert.Equal(("receipt.issue: receipt", "admin.enable"),
            (ChangeSummary.Operation("receipt.issue", "receipt"), ChangeSummary.Operation("admin.enable", null)));
    }
}
