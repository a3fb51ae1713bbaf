using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmployerWorkflows.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_DueAt",
                table: "WorkflowTasks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_DueAt_Id",
                table: "WorkflowTasks",
                columns: new[] { "Status", "AssigneeUserId", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_Priority_DueAt_Id",
                table: "WorkflowTasks",
                columns: new[] { "Status", "AssigneeUserId", "Priority", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_Status_Role_Priority_DueAt_Id",
                table: "WorkflowTasks",
                columns: new[] { "Status", "Role", "Priority", "DueAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_DueAt_Id",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_Priority_DueAt_Id",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_Role_Priority_DueAt_Id",
                table: "WorkflowTasks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_Status_AssigneeUserId_DueAt",
                table: "WorkflowTasks",
                columns: new[] { "Status", "AssigneeUserId", "DueAt" });
        }
    }
}
