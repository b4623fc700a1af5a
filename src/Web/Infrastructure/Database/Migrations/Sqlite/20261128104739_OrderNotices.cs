using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VillageCraftPortal.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrderNotice",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FulfilmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderNotice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderNotice_Fulfilment_FulfilmentId",
                        column: x => x.FulfilmentId,
                        principalTable: "Fulfilment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrderNotice_Order_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Order",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderNotice_FulfilmentId",
                table: "OrderNotice",
                column: "FulfilmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderNotice_OrderId",
                table: "OrderNotice",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderNotice_SentAt_Id",
                table: "OrderNotice",
                columns: new[] { "SentAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderNotice");
        }
    }
}
