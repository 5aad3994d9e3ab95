using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OspBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PromptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadlineAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChaserAts = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_People_ClosedByPersonId",
                        column: x => x.ClosedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Rounds_People_OpenedByPersonId",
                        column: x => x.OpenedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SubGroupUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastEditedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsReopened = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReopenedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReopenedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubGroupUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubGroupUpdates_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubGroupUpdates_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubGroupUpdateId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SentActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deliveries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deliveries_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deliveries_SubGroupUpdates_SubGroupUpdateId",
                        column: x => x.SubGroupUpdateId,
                        principalTable: "SubGroupUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSnoozes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubGroupUpdateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RemindAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSnoozes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderSnoozes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderSnoozes_SubGroupUpdates_SubGroupUpdateId",
                        column: x => x.SubGroupUpdateId,
                        principalTable: "SubGroupUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UpdateVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubGroupUpdateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Plans = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Challenges = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Requests = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Rag = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    RagReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SavedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpdateVersions_People_SavedByPersonId",
                        column: x => x.SavedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UpdateVersions_SubGroupUpdates_SubGroupUpdateId",
                        column: x => x.SubGroupUpdateId,
                        principalTable: "SubGroupUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UpdateVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanReviews_UpdateVersions_UpdateVersionId",
                        column: x => x.UpdateVersionId,
                        principalTable: "UpdateVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_IdempotencyKey",
                table: "Deliveries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_PersonId",
                table: "Deliveries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_RoundId",
                table: "Deliveries",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_State_DueAt",
                table: "Deliveries",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_SubGroupUpdateId",
                table: "Deliveries",
                column: "SubGroupUpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanReviews_UpdateVersionId_Position",
                table: "PlanReviews",
                columns: new[] { "UpdateVersionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSnoozes_PersonId",
                table: "ReminderSnoozes",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSnoozes_SubGroupUpdateId_PersonId",
                table: "ReminderSnoozes",
                columns: new[] { "SubGroupUpdateId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_ClosedByPersonId",
                table: "Rounds",
                column: "ClosedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_FinancialYearStart_Quarter",
                table: "Rounds",
                columns: new[] { "FinancialYearStart", "Quarter" },
                unique: true,
                filter: "\"State\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_OpenedByPersonId",
                table: "Rounds",
                column: "OpenedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SubGroupUpdates_GroupId",
                table: "SubGroupUpdates",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SubGroupUpdates_RoundId_GroupId",
                table: "SubGroupUpdates",
                columns: new[] { "RoundId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpdateVersions_SavedByPersonId",
                table: "UpdateVersions",
                column: "SavedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateVersions_SubGroupUpdateId_Number",
                table: "UpdateVersions",
                columns: new[] { "SubGroupUpdateId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Deliveries");

            migrationBuilder.DropTable(
                name: "PlanReviews");

            migrationBuilder.DropTable(
                name: "ReminderSnoozes");

            migrationBuilder.DropTable(
                name: "UpdateVersions");

            migrationBuilder.DropTable(
                name: "SubGroupUpdates");

            migrationBuilder.DropTable(
                name: "Rounds");
        }
    }
}
