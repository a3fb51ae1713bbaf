using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>Model conventions the runtime needs on each provider.</summary>
public static class ProviderConventions
{
    /// <summary>
    /// SQLite cannot compare or order <see cref="DateTimeOffset"/> columns in SQL. Storing them as a sortable
    /// integer keeps due-date queries (timers, outbox, inbox) in the database. All runtime times are UTC, so
    /// the binary form orders correctly. Call from <c>ConfigureConventions</c> on SQLite only.
    /// </summary>
    public static void UseSortableDateTimeOffsets(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
