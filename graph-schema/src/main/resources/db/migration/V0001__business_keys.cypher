// Uniqueness constraints on every business key. Each one also backs the lookup by that key.
CREATE CONSTRAINT organization_gln IF NOT EXISTS FOR (o:Organization) REQUIRE o.gln IS UNIQUE;
CREATE CONSTRAINT premises_gln IF NOT EXISTS FOR (p:Premises) REQUIRE p.gln IS UNIQUE;
CREATE CONSTRAINT premises_registration IF NOT EXISTS FOR (p:Premises) REQUIRE p.registrationNumber IS UNIQUE;
CREATE CONSTRAINT product_gtin IF NOT EXISTS FOR (p:Product) REQUIRE p.gtin IS UNIQUE;
// A lot number is unique per product, not globally.
CREATE CONSTRAINT batch_gtin_lot IF NOT EXISTS FOR (b:Batch) REQUIRE (b.gtin, b.lot) IS UNIQUE;
// A serial is unique per GTIN (an SGTIN); the Digital Link path is the key the resolver looks up.
CREATE CONSTRAINT trace_code_gtin_serial IF NOT EXISTS FOR (c:TraceCode) REQUIRE (c.gtin, c.serial) IS UNIQUE;
CREATE CONSTRAINT trace_code_path IF NOT EXISTS FOR (c:TraceCode) REQUIRE c.path IS UNIQUE;
CREATE CONSTRAINT certificate_number IF NOT EXISTS FOR (c:Certificate) REQUIRE c.number IS UNIQUE;
CREATE CONSTRAINT inspection_number IF NOT EXISTS FOR (i:Inspection) REQUIRE i.number IS UNIQUE;
CREATE CONSTRAINT shipment_number IF NOT EXISTS FOR (s:Shipment) REQUIRE s.number IS UNIQUE;
CREATE CONSTRAINT consignment_declaration IF NOT EXISTS FOR (c:Consignment) REQUIRE c.declarationNumber IS UNIQUE;
CREATE CONSTRAINT location_gln IF NOT EXISTS FOR (l:Location) REQUIRE l.gln IS UNIQUE;
CREATE CONSTRAINT document_number IF NOT EXISTS FOR (d:Document) REQUIRE d.number IS UNIQUE;
