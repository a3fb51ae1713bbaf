using EmployerWorkflows.Web.Validation;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>An accepted upload: format recognised from its first bytes, never from its name or declared type.</summary>
public sealed record CheckedUpload(string FileName, string ContentType, string Extension, byte[] Content);

/// <summary>
/// Checks uploads (signed procura, error screenshots) by content: only PDF, JPEG and PNG, up to the configured
/// size. A file that fails adds a field error and is not kept.
/// </summary>
public static class Uploads
{
    private static readonly (string Extension, string ContentType, byte[] Magic)[] Formats =
    [
        ("pdf", "application/pdf", "%PDF-"u8.ToArray()),
        ("png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    public static async Task<CheckedUpload?> ReadAsync(IFormFile? file, string field, int maxMb, FieldErrors errors, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            errors.Add(field, "Allegare il file.", "Attach the file.");
            return null;
        }
        if (file.Length > maxMb * 1024L * 1024L)
        {
            errors.Add(field, $"Il file supera {maxMb} MB.", $"The file is larger than {maxMb} MB.");
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var format = Formats.FirstOrDefault(f => content.AsSpan().StartsWith(f.Magic));
        if (format.Magic is null)
        {
            errors.Add(field, "Sono accettati solo file PDF, JPG o PNG.", "Only PDF, JPG or PNG files are accepted.");
            return null;
        }
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(file.FileName));
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(80).ToArray());
        return new CheckedUpload($"{(safe.Length == 0 ? "file" : safe)}.{format.Extension}", format.ContentType, format.Extension, content);
    }
}
