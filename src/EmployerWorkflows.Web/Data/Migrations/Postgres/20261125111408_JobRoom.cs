using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmployerWorkflows.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JobRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobRoomUidRegister",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Uid = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRoomUidRegister", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRoomAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisterEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Uid = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    IsMainAdministrator = table.Column<bool>(type: "boolean", nullable: false),
                    RequestInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeftCompanyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRoomAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobRoomAccounts_JobRoomUidRegister_RegisterEntryId",
                        column: x => x.RegisterEntryId,
                        principalTable: "JobRoomUidRegister",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobRoomWriteRightsProcedures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegisterEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Uid = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    BackPaymentCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequesterUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRoomWriteRightsProcedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobRoomWriteRightsProcedures_JobRoomUidRegister_RegisterEnt~",
                        column: x => x.RegisterEntryId,
                        principalTable: "JobRoomUidRegister",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobRoomBackPaymentCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisterEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Uid = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RisNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    FiledByAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RenewalProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RenewalInstanceId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRoomBackPaymentCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobRoomBackPaymentCases_JobRoomAccounts_FiledByAccountId",
                        column: x => x.FiledByAccountId,
                        principalTable: "JobRoomAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobRoomBackPaymentCases_JobRoomUidRegister_RegisterEntryId",
                        column: x => x.RegisterEntryId,
                        principalTable: "JobRoomUidRegister",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomAccounts_RegisterEntryId",
                table: "JobRoomAccounts",
                column: "RegisterEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomAccounts_Uid_UserId",
                table: "JobRoomAccounts",
                columns: new[] { "Uid", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomAccounts_UserId",
                table: "JobRoomAccounts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomBackPaymentCases_FiledByAccountId",
                table: "JobRoomBackPaymentCases",
                column: "FiledByAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomBackPaymentCases_RegisterEntryId",
                table: "JobRoomBackPaymentCases",
                column: "RegisterEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomBackPaymentCases_RenewalProposedAt",
                table: "JobRoomBackPaymentCases",
                column: "RenewalProposedAt");

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomBackPaymentCases_Uid",
                table: "JobRoomBackPaymentCases",
                column: "Uid");

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomUidRegister_Uid",
                table: "JobRoomUidRegister",
                column: "Uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomWriteRightsProcedures_InstanceId",
                table: "JobRoomWriteRightsProcedures",
                column: "InstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomWriteRightsProcedures_Reference",
                table: "JobRoomWriteRightsProcedures",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomWriteRightsProcedures_RegisterEntryId",
                table: "JobRoomWriteRightsProcedures",
                column: "RegisterEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRoomWriteRightsProcedures_Uid",
                table: "JobRoomWriteRightsProcedures",
                column: "Uid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobRoomBackPaymentCases");

            migrationBuilder.DropTable(
                name: "JobRoomWriteRightsProcedures");

            migrationBuilder.DropTable(
                name: "JobRoomAccounts");

            migrationBuilder.DropTable(
                name: "JobRoomUidRegister");
        }
    }
}
