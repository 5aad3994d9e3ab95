using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OspBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestsRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EscalationDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlagKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AgendaMeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationDecisions_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EscalationDecisions_Meetings_AgendaMeetingId",
                        column: x => x.AgendaMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EscalationDecisions_People_DecidedByPersonId",
                        column: x => x.DecidedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MeetingPacks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Docx = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SharePointUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    PublishError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingPacks_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MeetingPacks_People_BuiltByPersonId",
                        column: x => x.BuiltByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MeetingPacks_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubGroupUpdateId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TextKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgendaMeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    StillStands = table.Column<bool>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestEntries_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RequestEntries_Meetings_AgendaMeetingId",
                        column: x => x.AgendaMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RequestEntries_People_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RequestEntries_SubGroupUpdates_SubGroupUpdateId",
                        column: x => x.SubGroupUpdateId,
                        principalTable: "SubGroupUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgendaMeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    StillStands = table.Column<bool>(type: "INTEGER", nullable: true),
                    ChangedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestVersions_People_ChangedByPersonId",
                        column: x => x.ChangedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RequestVersions_RequestEntries_RequestEntryId",
                        column: x => x.RequestEntryId,
                        principalTable: "RequestEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationDecisions_AgendaMeetingId",
                table: "EscalationDecisions",
                column: "AgendaMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationDecisions_DecidedByPersonId",
                table: "EscalationDecisions",
                column: "DecidedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationDecisions_FlagKey",
                table: "EscalationDecisions",
                column: "FlagKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationDecisions_GroupId",
                table: "EscalationDecisions",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPacks_BuiltByPersonId",
                table: "MeetingPacks",
                column: "BuiltByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPacks_MeetingId",
                table: "MeetingPacks",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPacks_RoundId_Version",
                table: "MeetingPacks",
                columns: new[] { "RoundId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestEntries_AgendaMeetingId",
                table: "RequestEntries",
                column: "AgendaMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEntries_GroupId_Status",
                table: "RequestEntries",
                columns: new[] { "GroupId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEntries_OwnerPersonId",
                table: "RequestEntries",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEntries_SubGroupUpdateId_TextKey",
                table: "RequestEntries",
                columns: new[] { "SubGroupUpdateId", "TextKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestVersions_ChangedByPersonId",
                table: "RequestVersions",
                column: "ChangedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestVersions_RequestEntryId_Number",
                table: "RequestVersions",
                columns: new[] { "RequestEntryId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationDecisions");

            migrationBuilder.DropTable(
                name: "MeetingPacks");

            migrationBuilder.DropTable(
                name: "RequestVersions");

            migrationBuilder.DropTable(
                name: "RequestEntries");
        }
    }
}
