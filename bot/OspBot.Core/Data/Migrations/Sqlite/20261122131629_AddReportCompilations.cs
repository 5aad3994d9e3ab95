using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OspBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReportCompilations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportCompilations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinancialYear = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ProgressActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Docx = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Markdown = table.Column<string>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResultSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCompilations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportCompilations_People_RequestedByPersonId",
                        column: x => x.RequestedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCompilations_FinancialYear_InFlight",
                table: "ReportCompilations",
                column: "FinancialYear",
                unique: true,
                filter: "\"State\" IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCompilations_FinancialYear_RequestedAt",
                table: "ReportCompilations",
                columns: new[] { "FinancialYear", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCompilations_RequestedByPersonId",
                table: "ReportCompilations",
                column: "RequestedByPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportCompilations");
        }
    }
}
