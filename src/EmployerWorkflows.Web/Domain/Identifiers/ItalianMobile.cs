using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>
/// An Italian mobile number for the SMS channel, stored as its national significant number. Decided by
/// libphonenumber's metadata for Italy: landlines, foreign numbers and the A2P range 43x are refused; legacy
/// 9-digit numbers are accepted.
/// </summary>
public sealed record ItalianMobile
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private ItalianMobile(string nsn) => NationalNumber = nsn;

    public string NationalNumber { get; }

    public string E164 => "+39" + NationalNumber;

    public static bool TryParse(string? input, [NotNullWhen(true)] out ItalianMobile? mobile) =>
        (mobile = Find(input, out var nsn) is null ? new ItalianMobile(nsn!) : null) is not null;

    public static IdentifierError? Validate(string? input) => Find(input, out _);

    public override string ToString() => E164;

    private static IdentifierError? Find(string? input, out string? nsn)
    {
        nsn = null;
        var text = (input ?? "").Trim();
        // 0039 is the international prefix dialled from Italy; libphonenumber reads it only as +39.
        if (text.StartsWith("0039", StringComparison.Ordinal)) text = "+39" + text[4..];
        PhoneNumber number;
        try
        {
            number = Phones.Parse(text, "IT");
        }
        catch (NumberParseException)
        {
            return NotMobile;
        }
        if (number.CountryCode != 39 || Phones.GetRegionCodeForNumber(number) != "IT")
            return new("Sono ammessi solo numeri italiani (+39).", "Only Italian numbers (+39) are accepted.");
        if (Phones.GetNumberType(number) != PhoneNumberType.MOBILE)
            return NotMobile;
        var national = Phones.GetNationalSignificantNumber(number);
        // 43x is a range for application-to-person messages (OTP, marketing), never a subscriber's phone (DOMAIN §6).
        if (national.StartsWith("43", StringComparison.Ordinal)) return NotMobile;
        nsn = national;
        return null;
    }

    private static readonly IdentifierError NotMobile = new("Inserisci un numero di cellulare italiano, ad esempio 3361111111.",
        "Enter an Italian mobile number, for example 3361111111.");
}
