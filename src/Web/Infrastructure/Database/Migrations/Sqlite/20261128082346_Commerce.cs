using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VillageCraftPortal.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Commerce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Order",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    PaymentMethod = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BuyerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BuyerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    BuyerPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Ward = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressLine = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeliveryMethod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    ShippingPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    VatIncluded = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    InvoiceCompanyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    InvoiceTaxCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InvoiceAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Order", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Product",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DescriptionVi = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MaterialsVi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MaterialsEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CareVi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CareEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Dimensions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WeightGrams = table.Column<int>(type: "INTEGER", nullable: false),
                    Perishable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImageKeys = table.Column<string>(type: "TEXT", nullable: false),
                    OcopStars = table.Column<int>(type: "INTEGER", nullable: true),
                    OcopCertificateNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    OcopIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OcopExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsListed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Product", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Fulfilment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ShippedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fulfilment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Fulfilment_Order_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Order",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderTransition",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    FulfilmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderTransition", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderTransition_Order_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Order",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductVariant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Price = table.Column<long>(type: "INTEGER", nullable: false),
                    CompareAtPrice = table.Column<long>(type: "INTEGER", nullable: true),
                    Available = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductVariant", x => x.Id);
                    table.CheckConstraint("CK_ProductVariants_Available", "\"Available\" >= 0");
                    table.CheckConstraint("CK_ProductVariants_Price", "\"Price\" >= 0");
                    table.ForeignKey(
                        name: "FK_ProductVariant_Product_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Product",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    VariantId = table.Column<int>(type: "INTEGER", nullable: false),
                    FulfilmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VariantLabel = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightGrams = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderLine_Fulfilment_FulfilmentId",
                        column: x => x.FulfilmentId,
                        principalTable: "Fulfilment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrderLine_Order_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Order",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrderLine_ProductVariant_VariantId",
                        column: x => x.VariantId,
                        principalTable: "ProductVariant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockLedgerEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VariantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Delta = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockLedgerEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockLedgerEntry_ProductVariant_VariantId",
                        column: x => x.VariantId,
                        principalTable: "ProductVariant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockReservation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    VariantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockReservation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockReservation_Order_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Order",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StockReservation_ProductVariant_VariantId",
                        column: x => x.VariantId,
                        principalTable: "ProductVariant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Fulfilment_OrderId_VillageCode",
                table: "Fulfilment",
                columns: new[] { "OrderId", "VillageCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Fulfilment_VillageCode_OrderId",
                table: "Fulfilment",
                columns: new[] { "VillageCode", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Order_BuyerEmail",
                table: "Order",
                column: "BuyerEmail");

            migrationBuilder.CreateIndex(
                name: "IX_Order_Number",
                table: "Order",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Order_Status_Id",
                table: "Order",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLine_FulfilmentId",
                table: "OrderLine",
                column: "FulfilmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLine_OrderId",
                table: "OrderLine",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLine_VariantId",
                table: "OrderLine",
                column: "VariantId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderTransition_OrderId_Id",
                table: "OrderTransition",
                columns: new[] { "OrderId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Product_Alias",
                table: "Product",
                column: "Alias",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Product_Category_Id",
                table: "Product",
                columns: new[] { "Category", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Product_VillageCode_Id",
                table: "Product",
                columns: new[] { "VillageCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductVariant_ProductId_SortOrder",
                table: "ProductVariant",
                columns: new[] { "ProductId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductVariant_Sku",
                table: "ProductVariant",
                column: "Sku",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntry_OrderId",
                table: "StockLedgerEntry",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntry_VariantId_Id",
                table: "StockLedgerEntry",
                columns: new[] { "VariantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockReservation_OrderId",
                table: "StockReservation",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_StockReservation_State_ExpiresAt",
                table: "StockReservation",
                columns: new[] { "State", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StockReservation_VariantId",
                table: "StockReservation",
                column: "VariantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderLine");

            migrationBuilder.DropTable(
                name: "OrderTransition");

            migrationBuilder.DropTable(
                name: "StockLedgerEntry");

            migrationBuilder.DropTable(
                name: "StockReservation");

            migrationBuilder.DropTable(
                name: "Fulfilment");

            migrationBuilder.DropTable(
                name: "ProductVariant");

            migrationBuilder.DropTable(
                name: "Order");

            migrationBuilder.DropTable(
                name: "Product");
        }
    }
}
