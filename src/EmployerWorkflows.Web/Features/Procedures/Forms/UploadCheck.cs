namespace EmployerWorkflows.Web.Features.Procedures.Forms;

/// <summary>
/// Recognises a file by its first bytes, never by its name or the browser's content type (architecture §7).
/// Only formats a form may accept are known; anything else is refused.
/// </summary>
public static class UploadCheck
{
    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Formats = new()
    {
        ["pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46, 0x2D]]),
        ["png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        ["jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        ["jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        // TIFF starts with its byte order (II little-endian, MM big-endian) and the number 42.
        ["tif"] = ("image/tiff", [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]),
        ["tiff"] = ("image/tiff", [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]),
        ["bmp"] = ("image/bmp", [[0x42, 0x4D]]),
        // A signed CAdES envelope is DER: a SEQUENCE with a long or indefinite length.
        ["p7m"] = ("application/pkcs7-mime", [[0x30, 0x80], [0x30, 0x82], [0x30, 0x83], [0x30, 0x84]]),
    };

    /// <summary>Content types the browser may show inline: they cannot run script in our origin.</summary>
    public static readonly IReadOnlySet<string> Previewable = new HashSet<string> { "application/pdf", "image/png", "image/jpeg" };

    /// <summary>The content type of the first accepted format the bytes match, or null.</summary>
    public static string? Recognise(ReadOnlySpan<byte> content, IEnumerable<string> accepted)
    {
        foreach (var format in accepted)
        {
            if (!Formats.TryGetValue(format.ToLowerInvariant(), out var known)) continue;
            foreach (var signature in known.Signatures)
                if (content.StartsWith(signature)) return known.ContentType;
        }
        return null;
    }
}
