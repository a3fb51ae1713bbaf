using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http;

namespace EmployerWorkflows.Web.Tests.JobRoom;

public sealed class UploadsTests
{
    private static IFormFile File(byte[] content, string name) => new FormFile(new MemoryStream(content), 0, content.Length, "file", name);

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "scan.png", "application/pdf", "scan.pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "foto.pdf", "image/jpeg", "foto.jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "../../etc/screen.exe", "image/png", "screen.png")]
    public async Task ReadAsync_RecognisesFormatFromContent_WhateverTheName(byte[] content, string name, string type, string stored)
    {
        var errors = new FieldErrors();

        var upload = await Uploads.ReadAsync(File(content, name), "file", 10, errors, CancellationToken.None);

        Assert.False(errors.Any);
        Assert.Equal((type, stored), (upload!.ContentType, upload.FileName));
    }

    [Fact]
    public async Task ReadAsync_RefusesFile_WhenContentIsNoPdfJpegOrPng()
    {
        var errors = new FieldErrors();

        Assert.Null(await Uploads.ReadAsync(File("GIF89a..."u8.ToArray(), "schermata.png"), "file", 10, errors, CancellationToken.None));
        Assert.True(errors.Any);
    }

    [Fact]
    public async Task ReadAsync_RefusesFile_WhenLargerThanLimit()
    {
        var errors = new FieldErrors();
        byte[] content = [0x25, 0x50, 0x44, 0x46, 0x2D, .. new byte[1024 * 1024]];

        Assert.Null(await Uploads.ReadAsync(File(content, "grande.pdf"), "file", 1, errors, CancellationToken.None));
        Assert.Contains("1 MB", errors.ToDictionary()["file"][0]);
    }

    [Fact]
    public async Task ReadAsync_RefusesMissingFile()
    {
        var errors = new FieldErrors();

        Assert.Null(await Uploads.ReadAsync(null, "file", 10, errors, CancellationToken.None));
        Assert.True(errors.Any);
    }
}
