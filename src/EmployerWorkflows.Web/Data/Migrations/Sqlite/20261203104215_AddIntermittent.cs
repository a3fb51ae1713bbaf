using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmployerWorkflows.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddIntermittent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntermittentContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerCf = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkerCf = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CoCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntermittentContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntermittentRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntermittentRegistrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntermittentCommunications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    EmployerCf = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmployerEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Receipt = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntermittentCommunications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntermittentCommunications_IntermittentRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "IntermittentRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntermittentSmsNumbers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NationalNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntermittentSmsNumbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntermittentSmsNumbers_IntermittentRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "IntermittentRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntermittentCallLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerCf = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CoCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelledByCommunicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelsLineId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntermittentCallLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntermittentCallLines_IntermittentCommunications_CommunicationId",
                        column: x => x.CommunicationId,
                        principalTable: "IntermittentCommunications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentCallLines_CommunicationId",
                table: "IntermittentCallLines",
                column: "CommunicationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentCallLines_WorkerCf_Status",
                table: "IntermittentCallLines",
                columns: new[] { "WorkerCf", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentCommunications_EmployerCf",
                table: "IntermittentCommunications",
                column: "EmployerCf");

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentCommunications_Number",
                table: "IntermittentCommunications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentCommunications_RegistrationId_Status",
                table: "IntermittentCommunications",
                columns: new[] { "RegistrationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentContracts_CoCode",
                table: "IntermittentContracts",
                column: "CoCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentContracts_EmployerCf_WorkerCf",
                table: "IntermittentContracts",
                columns: new[] { "EmployerCf", "WorkerCf" });

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentRegistrations_InstanceId",
                table: "IntermittentRegistrations",
                column: "InstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentRegistrations_UserId",
                table: "IntermittentRegistrations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentSmsNumbers_NationalNumber",
                table: "IntermittentSmsNumbers",
                column: "NationalNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntermittentSmsNumbers_RegistrationId",
                table: "IntermittentSmsNumbers",
                column: "RegistrationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntermittentCallLines");

            migrationBuilder.DropTable(
                name: "IntermittentContracts");

            migrationBuilder.DropTable(
                name: "IntermittentSmsNumbers");

            migrationBuilder.DropTable(
                name: "IntermittentCommunications");

            migrationBuilder.DropTable(
                name: "IntermittentRegistrations");
        }
    }
}
