using System.Globalization;

namespace EmployerWorkflows.FaultTests.Load;

/// <summary>Valid, distinct partite IVA for the companies a run registers: a random matricola block, office 037, Luhn digit.</summary>
public sealed class CompanyNumbers
{
    private readonly int block = Random.Shared.Next(1_000, 7_000) * 1_000;
    private int next;

    public string Next()
    {
        var matricola = (block + Interlocked.Increment(ref next)).ToString("D7", CultureInfo.InvariantCulture);
        var body = matricola + "037";
        return body + Check(body).ToString(CultureInfo.InvariantCulture);
    }

    private static int Check(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = digits[i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
