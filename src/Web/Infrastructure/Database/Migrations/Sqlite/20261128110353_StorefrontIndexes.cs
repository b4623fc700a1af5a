using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VillageCraftPortal.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StorefrontIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProductVariant_ProductId_Price",
                table: "ProductVariant",
                columns: new[] { "ProductId", "Price" });

            migrationBuilder.CreateIndex(
                name: "IX_Product_CreatedAt_Id",
                table: "Product",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Product_NameEn_Id",
                table: "Product",
                columns: new[] { "NameEn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Product_NameVi_Id",
                table: "Product",
                columns: new[] { "NameVi", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductVariant_ProductId_Price",
                table: "ProductVariant");

            migrationBuilder.DropIndex(
                name: "IX_Product_CreatedAt_Id",
                table: "Product");

            migrationBuilder.DropIndex(
                name: "IX_Product_NameEn_Id",
                table: "Product");

            migrationBuilder.DropIndex(
                name: "IX_Product_NameVi_Id",
                table: "Product");
        }
    }
}
