using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OspBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UpdateVersionViaEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ViaEmail",
                table: "UpdateVersions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ViaEmail",
                table: "UpdateVersions");
        }
    }
}
