using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmployerWorkflows.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class W4Inbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FollowUpAt",
                table: "WorkflowTasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SavedInboxFilters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Query = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedInboxFilters", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_CreatedAt_Id",
                table: "WorkflowTasks",
                columns: new[] { "Status", "AssigneeUserId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_Status_Role_CreatedAt_Id",
                table: "WorkflowTasks",
                columns: new[] { "Status", "Role", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedInboxFilters_UserId_Name",
                table: "SavedInboxFilters",
                columns: new[] { "UserId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedInboxFilters");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_CreatedAt_Id",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_Role_CreatedAt_Id",
                table: "WorkflowTasks");

            migrationBuilder.DropColumn(
                name: "FollowUpAt",
                table: "WorkflowTasks");
        }
    }
}
