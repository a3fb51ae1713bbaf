using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

public sealed class IsoDurationTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 31, 10, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("P5D", 0, 0, 0, 5, 0, 0, 0)]
    [InlineData("PT1H", 0, 0, 0, 0, 1, 0, 0)]
    [InlineData("P1DT2H30M", 0, 0, 0, 1, 2, 30, 0)]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, 0)]
    [InlineData("P1M", 0, 1, 0, 0, 0, 0, 0)]
    [InlineData("P1Y", 1, 0, 0, 0, 0, 0, 0)]
    [InlineData("PT45S", 0, 0, 0, 0, 0, 0, 45)]
    [InlineData("P1Y2M3W4DT5H6M7S", 1, 2, 3, 4, 5, 6, 7)]
    public void TryParse_ReadsEveryComponent_WhenTextIsValid(
        string text, int years, int months, int weeks, int days, int hours, int minutes, int seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));

        Assert.Equal(new IsoDuration(years, months, weeks, days, hours, minutes, seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("-P5D")]
    [InlineData("P-5D")]
    [InlineData("5D")]
    [InlineData("P5")]
    [InlineData("P1.5D")]
    [InlineData("PT1H2D")]
    [InlineData("P1H")]
    [InlineData("p5d")]
    [InlineData(" P5D")]
    [InlineData("P5D\n")]
    [InlineData("P99999999999D")]
    [InlineData("P٥D")]
    [InlineData("five days")]
    [InlineData(null)]
    public void TryParse_Rejects_WhenTextIsNotADuration(string? text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Throws_WhenTextIsNotADuration()
    {
        Assert.Throws<FormatException>(() => IsoDuration.Parse("P"));
    }

    [Fact]
    public void AddTo_ClampsToMonthEnd_WhenAddingOneMonthToJanuary31()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 10, 0, 0, Start.Offset), IsoDuration.Parse("P1M").AddTo(Start));
    }

    [Fact]
    public void AddTo_LandsOnFebruary28_WhenAddingOneYearToLeapDay()
    {
        var leapDay = new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2029, 2, 28, 0, 0, 0, TimeSpan.Zero), IsoDuration.Parse("P1Y").AddTo(leapDay));
    }

    [Fact]
    public void AddTo_AddsDaysAndTime_WhenDurationMixesThem()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 12, 30, 0, Start.Offset), IsoDuration.Parse("P1DT2H30M").AddTo(Start));
    }

    [Fact]
    public void AddTo_AddsSevenDaysPerWeek_WhenDurationIsInWeeks()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 14, 10, 0, 0, Start.Offset), IsoDuration.Parse("P2W").AddTo(Start));
    }

    [Fact]
    public void AddTo_AddsSeconds_WhenDurationIsInSeconds()
    {
        Assert.Equal(Start.AddSeconds(45), IsoDuration.Parse("PT45S").AddTo(Start));
    }

    [Fact]
    public void AddTo_AppliesMonthsBeforeDays_WhenDurationHasBoth()
    {
        // 30 Jan + 1 month = 28 Feb, + 1 day = 1 Mar; adding the day first would give 31 Jan + 1 month = 28 Feb.
        var start = new DateTimeOffset(2026, 1, 30, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), IsoDuration.Parse("P1M1D").AddTo(start));
    }

    [Theory]
    [InlineData("P1DT2H30M")]
    [InlineData("P2W")]
    [InlineData("PT45S")]
    [InlineData("P1Y2M")]
    public void ToString_ReturnsCanonicalText_WhenParsedFromCanonicalText(string text)
    {
        Assert.Equal(text, IsoDuration.Parse(text).ToString());
    }
}
