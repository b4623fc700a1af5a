using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace VillageCraftPortal.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProductSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ColourEn",
                table: "ProductVariant",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatternEn",
                table: "ProductVariant",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SizeEn",
                table: "ProductVariant",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotesEn",
                table: "Product",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotesVi",
                table: "Product",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Unverified",
                table: "Product",
                type: "text[]",
                nullable: false,
                // Products that exist before this migration have no unverified facts.
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateTable(
                name: "ProductSource",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Publisher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductSource", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductSource_Product_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Product",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductSource_ProductId_SortOrder",
                table: "ProductSource",
                columns: new[] { "ProductId", "SortOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductSource");

            migrationBuilder.DropColumn(
                name: "ColourEn",
                table: "ProductVariant");

            migrationBuilder.DropColumn(
                name: "PatternEn",
                table: "ProductVariant");

            migrationBuilder.DropColumn(
                name: "SizeEn",
                table: "ProductVariant");

            migrationBuilder.DropColumn(
                name: "NotesEn",
                table: "Product");

            migrationBuilder.DropColumn(
                name: "NotesVi",
                table: "Product");

            migrationBuilder.DropColumn(
                name: "Unverified",
                table: "Product");
        }
    }
}
