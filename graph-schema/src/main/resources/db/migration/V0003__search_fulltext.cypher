// One full-text index over the names and numbers people search by.
CREATE FULLTEXT INDEX search_names_numbers IF NOT EXISTS
FOR (n:Organization|Premises|Product|Batch|Certificate|Shipment|Consignment|Location)
ON EACH [n.name, n.nameZh, n.nameEn, n.brand, n.gln, n.gtin, n.lot, n.number, n.declarationNumber,
         n.registrationNumber, n.billOfLading, n.container];
