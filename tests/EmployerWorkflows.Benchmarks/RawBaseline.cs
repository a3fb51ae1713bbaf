using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmployerWorkflows.Benchmarks;

/// <summary>
/// Hand-written ADO.NET doing the same writes as the runtime, per transaction: for a start, the version lookup
/// and five inserts (instance, task, timer, outbox message, journal); for a fire, the instance read, the task and
/// timer updates, the versioned instance update and the journal insert. Prepared commands, one open connection.
/// </summary>
internal sealed class RawBaseline(BenchDatabase database)
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();
    private const string Body = "Gentile Utente,\n\nabbiamo ricevuto la richiesta di Azienda srl per un importo di 500 euro.\nLa esamineremo entro cinque giorni lavorativi.\n";

    private object Id(Guid id) => database.IsSqlite ? id.ToString().ToUpperInvariant() : id;
    private object Time(DateTimeOffset at) => database.IsSqlite ? Binary.ConvertToProvider(at)! : at;

    public async Task<(List<Guid> Ids, TimeSpan Elapsed)> StartAsync(int count, DateTimeOffset now)
    {
        await using var db = database.CreateDbContext();
        var connection = await OpenAsync(db);
        var version = Command(connection, """SELECT MAX("Version") FROM "WorkflowDefinitionVersions" WHERE "DefinitionId" = @p0 AND "Status" = 1""", 1);
        var instance = Command(connection, """
            INSERT INTO "WorkflowInstances" ("Id","DefinitionId","DefinitionVersion","State","Status","Variables","CorrelationId","CompanyId","CreatedAt","CreatedBy","UpdatedAt","CompletedAt","Version")
            VALUES (@p0,@p1,@p2,@p3,@p4,@p5,NULL,@p6,@p7,@p8,@p9,NULL,@p10)
            """, 11);
        var task = Command(connection, """
            INSERT INTO "WorkflowTasks" ("Id","InstanceId","DefinitionId","CompanyId","State","ActivityId","Form","Actions","Role","AssigneeUserId","ClaimedByUserId","Status","Priority","DueAt","CreatedAt","ClosedAt","ClosedByUserId","Outcome","TitleIt","TitleEn")
            VALUES (@p0,@p1,@p2,@p3,@p4,NULL,@p5,@p6,@p7,NULL,NULL,0,1,@p8,@p9,NULL,NULL,NULL,@p10,@p11)
            """, 12);
        var timer = Command(connection, """
            INSERT INTO "WorkflowTimers" ("Id","InstanceId","State","ActivityId","Kind","Trigger","Template","To","DueAt","Every","Count","MaxCount","Escalate","Status","ClaimedBy","ClaimExpiresAt","CreatedAt","FiredAt")
            VALUES (@p0,@p1,@p2,NULL,0,@p3,NULL,NULL,@p4,NULL,0,NULL,NULL,0,NULL,NULL,@p5,NULL)
            """, 6);
        var outbox = Command(connection, """
            INSERT INTO "OutboxMessages" ("Id","MessageId","To","ToName","Subject","TextBody","HtmlBody","Language","Status","Attempts","CreatedAt","NextAttemptAt","SentAt","LastError","ClaimedBy","ClaimExpiresAt","InstanceId","CompanyId","RecipientUserId","Template")
            VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,'it',0,0,@p7,@p8,NULL,NULL,NULL,NULL,@p9,@p10,NULL,'received')
            """, 11);
        var journal = Journal(connection);
        await PrepareAsync(version, instance, task, timer, outbox, journal);

        var ids = new List<Guid>(count);
        var company = Guid.NewGuid();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7(now);
            await using var transaction = await connection.BeginTransactionAsync();
            Bind(version, transaction, "bench-review");
            await version.ExecuteScalarAsync();
            Bind(instance, transaction, Id(id), "bench-review", 1, "UnderReview", 0,
                $$"""{"submitter":{"email":"user{{i}}@example.it","name":"Utente {{i}}","language":"it"},"company":"Azienda {{i}} srl","amount":500}""",
                Id(company), Time(now), "u-submitter", Time(now), 1L);
            await instance.ExecuteNonQueryAsync();
            Bind(task, transaction, Id(Guid.CreateVersion7(now)), Id(id), "bench-review", Id(company), "UnderReview", "review", "approve",
                "AgencyReviewer", Time(now.AddDays(5)), Time(now), "UnderReview", "UnderReview");
            await task.ExecuteNonQueryAsync();
            Bind(timer, transaction, Id(Guid.CreateVersion7(now)), Id(id), "UnderReview", "expire", Time(now.AddDays(1)), Time(now));
            await timer.ExecuteNonQueryAsync();
            var message = Guid.CreateVersion7(now);
            Bind(outbox, transaction, Id(message), $"{message:N}@employerworkflows", $"user{i}@example.it", $"Utente {i}",
                $"Richiesta ricevuta: Azienda {i} srl", Body, "<p>" + Body + "</p>", Time(now), Time(now), Id(id), Id(company));
            await outbox.ExecuteNonQueryAsync();
            Bind(journal, transaction, Time(now), 0, Id(id), "bench-review", 1, Id(company), "u-submitter", "VRDLGU75B12F205X",
                "Luigi Verdi", DBNull.Value, DBNull.Value, "UnderReview", "started");
            await journal.ExecuteScalarAsync();
            await transaction.CommitAsync();
            ids.Add(id);
        }
        return (ids, watch.Elapsed);
    }

    public async Task<TimeSpan> FireAsync(IReadOnlyList<Guid> ids, DateTimeOffset now)
    {
        await using var db = database.CreateDbContext();
        var connection = await OpenAsync(db);
        var read = Command(connection, """SELECT "Id","DefinitionId","DefinitionVersion","State","Status","Variables","CompanyId","Version" FROM "WorkflowInstances" WHERE "Id" = @p0 LIMIT 1""", 1);
        var tasks = Command(connection, """UPDATE "WorkflowTasks" SET "Status" = 1, "ClosedAt" = @p0, "ClosedByUserId" = @p1, "Outcome" = @p2 WHERE "InstanceId" = @p3 AND "Status" = 0""", 4);
        var timers = Command(connection, """UPDATE "WorkflowTimers" SET "Status" = 2 WHERE "InstanceId" = @p0 AND "Status" = 0""", 1);
        var update = Command(connection, """UPDATE "WorkflowInstances" SET "State" = @p0, "Status" = 1, "Variables" = @p1, "UpdatedAt" = @p2, "CompletedAt" = @p3, "Version" = @p4 WHERE "Id" = @p5 AND "Version" = @p6""", 7);
        var journal = Journal(connection);
        await PrepareAsync(read, tasks, timers, update, journal);

        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            Bind(read, transaction, Id(id));
            string variables;
            long version;
            await using (var reader = await read.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                variables = reader.GetString(5);
                version = reader.GetInt64(7);
            }
            Bind(tasks, transaction, Time(now), "u-reviewer", "approve", Id(id));
            await tasks.ExecuteNonQueryAsync();
            Bind(timers, transaction, Id(id));
            await timers.ExecuteNonQueryAsync();
            Bind(update, transaction, "Approved", variables, Time(now), Time(now), version + 1, Id(id), version);
            if (await update.ExecuteNonQueryAsync() != 1)
                throw new InvalidOperationException("Concurrent update in the baseline.");
            Bind(journal, transaction, Time(now), 1, Id(id), "bench-review", 1, DBNull.Value, "u-reviewer", "RSSMRA80A01H501U",
                "Mario Rossi", "approve", "UnderReview", "Approved", "approve");
            await journal.ExecuteScalarAsync();
            await transaction.CommitAsync();
        }
        return watch.Elapsed;
    }

    /// <summary>
    /// SQLite statements are prepared once, as a hand-written data layer would. Npgsql needs parameter types to
    /// prepare and EF Core does not prepare either, so on PostgreSQL both sides run unprepared.
    /// </summary>
    private async Task PrepareAsync(params DbCommand[] commands)
    {
        if (!database.IsSqlite)
            return;
        foreach (var command in commands)
            await command.PrepareAsync();
    }

    /// <summary>Opens through EF so the connection gets the same settings (synchronous=NORMAL on SQLite) as the runtime's.</summary>
    private static async Task<DbConnection> OpenAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        return db.Database.GetDbConnection();
    }

    private static DbCommand Journal(DbConnection connection) => Command(connection, """
        INSERT INTO "WorkflowJournal" ("At","Kind","InstanceId","DefinitionId","DefinitionVersion","CompanyId","UserId","CodiceFiscale","ActorName","Trigger","FromState","ToState","Summary")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12) RETURNING "Id"
        """, 13);

    private static DbCommand Command(DbConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Bind(DbCommand command, DbTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }
}
