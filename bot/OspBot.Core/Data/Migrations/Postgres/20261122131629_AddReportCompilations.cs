using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OspBot.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    RequestedByPersonId = table.Column<int>(type: "integer", nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ProgressActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Missing = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Docx = table.Column<byte[]>(type: "bytea", nullable: true),
                    Markdown = table.Column<string>(type: "text", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResultSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
