using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OspBot.Data.Migrations.Postgres
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
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnswerStatus = table.Column<int>(type: "integer", nullable: true),
                    AnswerBody = table.Column<string>(type: "text", nullable: true)
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
