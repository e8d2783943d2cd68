package io.crosstrace.seed;

/**
 * The statements that write a world. Each takes its rows as the {@code $rows} parameter and MERGEs on the
 * business keys of graph-schema's model, so that running any of them again changes nothing.
 */
final class WorldCypher {

    static final String ORGANIZATIONS = """
            UNWIND $rows AS r
            MERGE (o:Organization {gln: r.gln})
            SET o.name = r.name, o.nameZh = r.nameZh, o.country = r.country, o.roles = r.roles,
                o.gs1CompanyPrefix = r.gs1CompanyPrefix
            """;

    static final String LOCATIONS = """
            UNWIND $rows AS r
            MERGE (l:Location {gln: r.gln})
            SET l.name = r.name, l.nameZh = r.nameZh, l.kind = r.kind, l.country = r.country, l.city = r.city,
                l.latitude = r.latitude, l.longitude = r.longitude
            """;

    static final String PREMISES = """
            UNWIND $rows AS r
            MERGE (p:Premises {gln: r.gln})
            SET p.registrationNumber = r.registrationNumber, p.name = r.name, p.nameZh = r.nameZh,
                p.address = r.address, p.city = r.city, p.country = r.country,
                p.latitude = r.latitude, p.longitude = r.longitude
            WITH p, r
            MATCH (o:Organization {gln: r.operator})
            MERGE (o)-[:OPERATES]->(p)
            """;

    static final String PRODUCTS = """
            UNWIND $rows AS r
            MERGE (p:Product {gtin: r.gtin})
            SET p.nameEn = r.nameEn, p.nameZh = r.nameZh, p.brand = r.brand, p.netContent = r.netContent,
                p.category = r.category
            WITH p, r
            MATCH (o:Organization {gln: r.owner})
            MERGE (o)-[:OWNS]->(p)
            """;

    static final String BATCHES = """
            UNWIND $rows AS r
            MERGE (b:Batch {gtin: r.gtin, lot: r.lot})
            SET b.productionDate = r.productionDate, b.expiryDate = r.expiryDate, b.quantity = r.quantity
            WITH b, r
            MATCH (p:Product {gtin: r.gtin})
            MERGE (b)-[:OF_PRODUCT]->(p)
            WITH b, r
            MATCH (m:Premises {gln: r.premises})
            MERGE (m)-[:PRODUCED]->(b)
            """;

    private static final String CERTIFICATE = """
            UNWIND $rows AS r
            MERGE (c:Certificate {number: r.number})
            SET c.kind = r.kind, c.issuedOn = r.issuedOn, c.validFrom = r.validFrom, c.validUntil = r.validUntil,
                c.status = r.status, c.revokedReason = r.revokedReason
            WITH c, r
            MATCH (i:Organization {gln: r.issuer})
            MERGE (i)-[:ISSUED]->(c)
            WITH c, r
            """;

    static final String CERTIFICATES_OF_BATCHES = CERTIFICATE + """
            MATCH (t:Batch {gtin: r.gtin, lot: r.lot})
            MERGE (c)-[:CERTIFIES]->(t)
            """;

    static final String CERTIFICATES_OF_PREMISES = CERTIFICATE + """
            MATCH (t:Premises {gln: r.gln})
            MERGE (c)-[:CERTIFIES]->(t)
            """;

    private static final String INSPECTION = """
            UNWIND $rows AS r
            MERGE (n:Inspection {number: r.number})
            SET n.kind = r.kind, n.result = r.result, n.performedOn = r.performedOn, n.findings = r.findings,
                n.sampledQuantity = r.sampledQuantity
            WITH n, r
            MATCH (o:Organization {gln: r.performer})
            MERGE (o)-[:PERFORMED]->(n)
            WITH n, r
            """;

    static final String INSPECTIONS_OF_BATCHES = INSPECTION + """
            MATCH (t:Batch {gtin: r.gtin, lot: r.lot})
            MERGE (n)-[:OF]->(t)
            """;

    static final String INSPECTIONS_OF_PREMISES = INSPECTION + """
            MATCH (t:Premises {gln: r.gln})
            MERGE (n)-[:OF]->(t)
            """;

    static final String INSPECTIONS_OF_CONSIGNMENTS = INSPECTION + """
            MATCH (t:Consignment {declarationNumber: r.declarationNumber})
            MERGE (n)-[:OF]->(t)
            """;

    static final String SHIPMENTS = """
            UNWIND $rows AS r
            MERGE (s:Shipment {number: r.number})
            SET s.container = r.container, s.seal = r.seal, s.billOfLading = r.billOfLading, s.vessel = r.vessel,
                s.voyage = r.voyage, s.mode = r.mode, s.departedOn = r.departedOn, s.arrivedOn = r.arrivedOn
            WITH s, r
            MATCH (o:Organization {gln: r.shipper})
            MERGE (o)-[:SHIPS]->(s)
            WITH s, r
            MATCH (from:Location {gln: r.departsFrom})
            MERGE (s)-[:DEPARTS_FROM]->(from)
            WITH s, r
            MATCH (to:Location {gln: r.boundFor})
            MERGE (s)-[:BOUND_FOR]->(to)
            WITH s, r
            UNWIND r.carries AS c
            MATCH (b:Batch {gtin: c.gtin, lot: c.lot})
            MERGE (s)-[k:CARRIES]->(b)
            SET k.quantity = c.quantity
            """;

    static final String CONSIGNMENTS = """
            UNWIND $rows AS r
            MERGE (c:Consignment {declarationNumber: r.declarationNumber})
            SET c.status = r.status, c.declaredOn = r.declaredOn, c.releasedOn = r.releasedOn
            WITH c, r
            MATCH (s:Shipment {number: r.shipment})
            MERGE (c)-[:SHIPPED_AS]->(s)
            WITH c, r
            MATCH (o:Organization {gln: r.importer})
            MERGE (o)-[:IMPORTS]->(c)
            WITH c, r
            MATCH (port:Location {gln: r.arrivesAt})
            MERGE (c)-[:ARRIVES_AT]->(port)
            WITH c, r
            UNWIND r.declares AS d
            MATCH (b:Batch {gtin: d.gtin, lot: d.lot})
            MERGE (c)-[k:DECLARES]->(b)
            SET k.quantity = d.quantity, k.productionDate = b.productionDate, k.expiryDate = b.expiryDate
            """;

    static final String DOCUMENTS = """
            UNWIND $rows AS r
            MATCH (c:Consignment {declarationNumber: r.declarationNumber})
            MERGE (d:Document {number: r.number})
            SET d.kind = r.kind, d.title = r.title, d.issuedOn = r.issuedOn
            MERGE (c)-[:HAS_DOCUMENT]->(d)
            """;

    /** For batches that have no unit code yet: nothing to match, so plain CREATE, the fast path. */
    static final String CREATE_TRACE_CODES = """
            UNWIND $groups AS g
            MATCH (b:Batch {gtin: g.gtin, lot: g.lot})
            UNWIND g.codes AS c
            CREATE (b)-[:HAS_UNIT]->(:TraceCode {gtin: g.gtin, lot: g.lot, serial: c.serial, path: c.path,
                                                 status: $status, issuedAt: c.issuedAt})
            """;

    /** For batches left half-written by an interrupted load: codes already there are kept as they are. */
    static final String MERGE_TRACE_CODES = """
            UNWIND $groups AS g
            MATCH (b:Batch {gtin: g.gtin, lot: g.lot})
            UNWIND g.codes AS c
            MERGE (t:TraceCode {path: c.path})
              ON CREATE SET t.gtin = g.gtin, t.lot = g.lot, t.serial = c.serial, t.status = $status,
                            t.issuedAt = c.issuedAt
            MERGE (b)-[:HAS_UNIT]->(t)
            """;

    static final String CODES_PER_BATCH = """
            UNWIND $rows AS r
            MATCH (b:Batch {gtin: r.gtin, lot: r.lot})
            RETURN b.gtin AS gtin, b.lot AS lot, COUNT { (b)-[:HAS_UNIT]->(:TraceCode) } AS codes
            """;

    static final String SEED_RUNS = "MATCH (s:SeedRun) RETURN s.name AS name";

    static final String MARK_LOADED = """
            MERGE (s:SeedRun {name: $name})
            SET s.loadedAt = $loadedAt, s.codes = $codes
            """;

    /** Each count is read from the count store, so this is cheap even with millions of codes. */
    static final String COUNT_NODES = """
            CALL () { MATCH (n:Organization) RETURN count(n) AS Organization }
            CALL () { MATCH (n:Location) RETURN count(n) AS Location }
            CALL () { MATCH (n:Premises) RETURN count(n) AS Premises }
            CALL () { MATCH (n:Product) RETURN count(n) AS Product }
            CALL () { MATCH (n:Batch) RETURN count(n) AS Batch }
            CALL () { MATCH (n:Certificate) RETURN count(n) AS Certificate }
            CALL () { MATCH (n:Inspection) RETURN count(n) AS Inspection }
            CALL () { MATCH (n:Shipment) RETURN count(n) AS Shipment }
            CALL () { MATCH (n:Consignment) RETURN count(n) AS Consignment }
            CALL () { MATCH (n:Document) RETURN count(n) AS Document }
            CALL () { MATCH (n:TraceCode) RETURN count(n) AS TraceCode }
            RETURN Organization, Location, Premises, Product, Batch, Certificate, Inspection, Shipment,
                   Consignment, Document, TraceCode
            """;

    static final String CONSTRAINTS = """
            SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type
            WHERE type IN ['UNIQUENESS', 'NODE_PROPERTY_UNIQUENESS', 'NODE_KEY']
            RETURN labelsOrTypes, properties
            """;

    private WorldCypher() {
    }
}
