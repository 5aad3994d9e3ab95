using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OspBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSharedDeduplication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeenActivities",
                columns: table => new
                {
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnswerStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerBody = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeenActivities", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeenActivities_StartedAt",
                table: "SeenActivities",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeenActivities");
        }
    }
}
