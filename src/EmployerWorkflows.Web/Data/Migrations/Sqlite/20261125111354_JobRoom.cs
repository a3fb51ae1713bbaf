using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmployerWorkflows.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRoomUidRegister", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRoomAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisterEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    IsMainAdministrator = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeftCompanyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegisterEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BackPaymentCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequesterUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRoomWriteRightsProcedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobRoomWriteRightsProcedures_JobRoomUidRegister_RegisterEntryId",
                        column: x => x.RegisterEntryId,
                        principalTable: "JobRoomUidRegister",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobRoomBackPaymentCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisterEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RisNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    FiledByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RenewalProposedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RenewalInstanceId = table.Column<Guid>(type: "TEXT", nullable: true)
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
