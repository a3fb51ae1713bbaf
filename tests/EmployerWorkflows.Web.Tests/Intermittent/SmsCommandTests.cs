using EmployerWorkflows.Web.Features.Intermittent.Sms;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>The SMS format of DOMAIN §4.4: «I CF» or «A CF», one space, a valid worker codice fiscale.</summary>
public class SmsCommandTests
{
    [Theory]
    [InlineData("I PRVTST90A01A944G", SmsAction.Call, "PRVTST90A01A944G")]
    [InlineData("A PRVTST90A01A944G", SmsAction.Cancel, "PRVTST90A01A944G")]
    [InlineData("i prvtst90a01a944g", SmsAction.Call, "PRVTST90A01A944G")]
    [InlineData("  A PRVTST90A01A944G\n", SmsAction.Cancel, "PRVTST90A01A944G")]
    public void Parse_ReadsActionAndWorker_WhenMessageIsWellFormed(string text, SmsAction action, string worker)
    {
        var command = SmsCommand.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(new SmsCommand(action, worker), command);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("I")]
    [InlineData("PRVTST90A01A944G")]
    [InlineData("X PRVTST90A01A944G")]
    [InlineData("I  PRVTST90A01A944G")]
    [InlineData("IPRVTST90A01A944G")]
    [InlineData("I PRVTST90A01A944G 2027-03-15")]
    [InlineData("I PRVTST90A01A944A")]
    [InlineData("I 12345678901")]
    [InlineData("annulla PRVTST90A01A944G")]
    public void Parse_RefusesWithReason_WhenMessageIsNotTheFormat(string? text)
    {
        var command = SmsCommand.Parse(text, out var error);

        Assert.Null(command);
        Assert.False(string.IsNullOrEmpty(error?.Italian));
        Assert.False(string.IsNullOrEmpty(error?.English));
    }
}
