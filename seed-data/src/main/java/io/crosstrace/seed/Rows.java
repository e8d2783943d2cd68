package io.crosstrace.seed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter rows of {@link WorldCypher}'s statements: plain maps of strings, numbers, dates and lists.
 * Optional properties are present with a null value, which the statements' {@code SET} turns into "absent".
 */
final class Rows {

    private Rows() {
    }

    static Map<String, Object> of(Organization o) {
        Map<String, Object> row = new HashMap<>();
        row.put("gln", o.gln().value());
        row.put("name", o.name());
        row.put("nameZh", o.nameZh());
        row.put("country", o.country());
        row.put("roles", o.roles().stream().map(Enum::name).toList());
        row.put("gs1CompanyPrefix", o.gs1CompanyPrefix());
        return row;
    }

    static Map<String, Object> of(Location l) {
        Map<String, Object> row = new HashMap<>();
        row.put("gln", l.gln().value());
        row.put("name", l.name());
        row.put("nameZh", l.nameZh());
        row.put("kind", l.kind().name());
        row.put("country", l.country());
        row.put("city", l.city());
        row.put("latitude", l.latitude());
        row.put("longitude", l.longitude());
        return row;
    }

    static Map<String, Object> of(Premises p) {
        Map<String, Object> row = new HashMap<>();
        row.put("gln", p.gln().value());
        row.put("registrationNumber", p.registrationNumber());
        row.put("name", p.name());
        row.put("nameZh", p.nameZh());
        row.put("address", p.address());
        row.put("city", p.city());
        row.put("country", p.country());
        row.put("latitude", p.latitude());
        row.put("longitude", p.longitude());
        row.put("operator", p.operator().value());
        return row;
    }

    static Map<String, Object> of(Product p) {
        Map<String, Object> row = new HashMap<>();
        row.put("gtin", p.gtin().value());
        row.put("nameEn", p.nameEn());
        row.put("nameZh", p.nameZh());
        row.put("brand", p.brand());
        row.put("netContent", p.netContent());
        row.put("category", p.category());
        row.put("owner", p.owner().value());
        return row;
    }

    static Map<String, Object> of(Batch b) {
        Map<String, Object> row = batchKey(b.ref());
        row.put("productionDate", b.productionDate());
        row.put("expiryDate", b.expiryDate());
        row.put("quantity", b.quantity());
        row.put("premises", b.premises().value());
        return row;
    }

    static Map<String, Object> of(Certificate c) {
        Map<String, Object> row = target(c.subject());
        row.put("number", c.number());
        row.put("kind", c.kind().name());
        row.put("issuedOn", c.issuedOn());
        row.put("validFrom", c.validFrom());
        row.put("validUntil", c.validUntil());
        row.put("status", c.status().name());
        row.put("revokedReason", c.revokedReason());
        row.put("issuer", c.issuer().value());
        return row;
    }

    static Map<String, Object> of(Inspection i) {
        Map<String, Object> row = target(i.subject());
        row.put("number", i.number());
        row.put("kind", i.kind().name());
        row.put("result", i.result().name());
        row.put("performedOn", i.performedOn());
        row.put("findings", i.findings());
        row.put("sampledQuantity", i.sampledQuantity());
        row.put("performer", i.performer().value());
        return row;
    }

    static Map<String, Object> of(Shipment s) {
        Map<String, Object> row = new HashMap<>();
        row.put("number", s.number());
        row.put("container", s.container());
        row.put("seal", s.seal());
        row.put("billOfLading", s.billOfLading());
        row.put("vessel", s.vessel());
        row.put("voyage", s.voyage());
        row.put("mode", s.mode().name());
        row.put("departedOn", s.departedOn());
        row.put("arrivedOn", s.arrivedOn());
        row.put("shipper", s.shipper().value());
        row.put("departsFrom", s.departsFrom().value());
        row.put("boundFor", s.boundFor().value());
        row.put("carries", quantities(s.carries()));
        return row;
    }

    static Map<String, Object> of(Consignment c) {
        Map<String, Object> row = new HashMap<>();
        row.put("declarationNumber", c.declarationNumber());
        row.put("status", c.status().name());
        row.put("declaredOn", c.declaredOn());
        row.put("releasedOn", c.releasedOn());
        row.put("shipment", c.shipment());
        row.put("importer", c.importer().value());
        row.put("arrivesAt", c.arrivesAt().value());
        row.put("declares", quantities(c.declares()));
        return row;
    }

    static Map<String, Object> of(Consignment c, Document d) {
        Map<String, Object> row = new HashMap<>();
        row.put("declarationNumber", c.declarationNumber());
        row.put("number", d.number());
        row.put("kind", d.kind().name());
        row.put("title", d.title());
        row.put("issuedOn", d.issuedOn());
        return row;
    }

    static Map<String, Object> of(UnitCode code) {
        Map<String, Object> row = new HashMap<>(4);
        row.put("serial", code.serial().value());
        row.put("path", code.path());
        row.put("issuedAt", code.issuedAt());
        return row;
    }

    static Map<String, Object> batchKey(Target.OfBatch batch) {
        Map<String, Object> row = new HashMap<>();
        row.put("gtin", batch.gtin().value());
        row.put("lot", batch.lot().value());
        return row;
    }

    private static Map<String, Object> target(Target target) {
        return switch (target) {
            case Target.OfBatch batch -> batchKey(batch);
            case Target.OfPremises premises -> {
                Map<String, Object> row = new HashMap<>();
                row.put("gln", premises.gln().value());
                yield row;
            }
            case Target.OfConsignment consignment -> {
                Map<String, Object> row = new HashMap<>();
                row.put("declarationNumber", consignment.declarationNumber());
                yield row;
            }
        };
    }

    private static List<Map<String, Object>> quantities(List<BatchQuantity> quantities) {
        return quantities.stream().map(q -> {
            Map<String, Object> row = batchKey(q.batch());
            row.put("quantity", q.quantity());
            return row;
        }).toList();
    }
}
