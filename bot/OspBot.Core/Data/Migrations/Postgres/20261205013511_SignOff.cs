using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OspBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportCompilations_FinancialYear_InFlight",
                table: "ReportCompilations");

            migrationBuilder.AddColumn<int>(
                name: "GroupId",
                table: "ReportCompilations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GroupName",
                table: "ReportCompilations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotApproved",
                table: "ReportCompilations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportPartId",
                table: "Deliveries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportParts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    ApproverPersonId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    ApprovedVersion = table.Column<int>(type: "integer", nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedBasis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastQuestion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastQuestionByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportParts_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportParts_People_ApproverPersonId",
                        column: x => x.ApproverPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignOffYears",
                columns: table => new
                {
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinalAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinalByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffYears", x => x.FinancialYear);
                });

            migrationBuilder.CreateTable(
                name: "SubGroupSettingsVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    StandingJson = table.Column<string>(type: "text", nullable: false),
                    ChangedByPersonId = table.Column<int>(type: "integer", nullable: true),
                    ChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedFields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubGroupSettingsVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubGroupSettingsVersions_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SubGroupSettingsVersions_People_ChangedByPersonId",
                        column: x => x.ChangedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReportPartVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportPartId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Delivery = table.Column<string>(type: "text", nullable: false),
                    Challenges = table.Column<string>(type: "text", nullable: false),
                    Requests = table.Column<string>(type: "text", nullable: false),
                    Priorities = table.Column<string>(type: "text", nullable: false),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedByPersonId = table.Column<int>(type: "integer", nullable: true),
                    SavedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPartVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportPartVersions_ReportParts_ReportPartId",
                        column: x => x.ReportPartId,
                        principalTable: "ReportParts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCompilations_FinancialYear_GroupId_InFlight",
                table: "ReportCompilations",
                columns: new[] { "FinancialYear", "GroupId" },
                unique: true,
                filter: "\"State\" IN ('Queued', 'Running') AND \"GroupId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCompilations_FinancialYear_InFlight",
                table: "ReportCompilations",
                column: "FinancialYear",
                unique: true,
                filter: "\"State\" IN ('Queued', 'Running') AND \"GroupId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ReportPartId",
                table: "Deliveries",
                column: "ReportPartId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportParts_ApproverPersonId",
                table: "ReportParts",
                column: "ApproverPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportParts_FinancialYear_GroupId",
                table: "ReportParts",
                columns: new[] { "FinancialYear", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportParts_GroupId",
                table: "ReportParts",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPartVersions_ReportPartId_Number",
                table: "ReportPartVersions",
                columns: new[] { "ReportPartId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubGroupSettingsVersions_ChangedByPersonId",
                table: "SubGroupSettingsVersions",
                column: "ChangedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SubGroupSettingsVersions_GroupId_Version",
                table: "SubGroupSettingsVersions",
                columns: new[] { "GroupId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportPartVersions");

            migrationBuilder.DropTable(
                name: "SignOffYears");

            migrationBuilder.DropTable(
                name: "SubGroupSettingsVersions");

            migrationBuilder.DropTable(
                name: "ReportParts");

            migrationBuilder.DropIndex(
                name: "IX_ReportCompilations_FinancialYear_GroupId_InFlight",
                table: "ReportCompilations");

            migrationBuilder.DropIndex(
                name: "IX_ReportCompilations_FinancialYear_InFlight",
                table: "ReportCompilations");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ReportPartId",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "GroupId",
                table: "ReportCompilations");

            migrationBuilder.DropColumn(
                name: "GroupName",
                table: "ReportCompilations");

            migrationBuilder.DropColumn(
                name: "NotApproved",
                table: "ReportCompilations");

            migrationBuilder.DropColumn(
                name: "ReportPartId",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCompilations_FinancialYear_InFlight",
                table: "ReportCompilations",
                column: "FinancialYear",
                unique: true,
                filter: "\"State\" IN ('Queued', 'Running')");
        }
    }
}
