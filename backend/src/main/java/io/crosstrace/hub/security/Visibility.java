package io.crosstrace.hub.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may see which batches, shipments, consignments and inspections: the partner-scoping rules, in one place,
 * as Cypher predicates that the features' queries add to their WHERE clauses (so paging and counts stay right).
 *
 * <ul>
 *   <li>Platform administrators and analysts see everything.</li>
 *   <li>A producer sees the batches of the premises it operates or of the products it owns, and their inspections.</li>
 *   <li>An auditor sees what the producers that engage it ({@code ENGAGES}) produce, and what it inspected.</li>
 *   <li>An exporter or carrier sees the shipments it ships and the batches on them.</li>
 *   <li>An importer sees its consignments, their shipments and the batches declared in them.</li>
 *   <li>A port inspector sees consignments arriving at the ports it inspects at ({@code INSPECTS_AT}), with
 *       their shipments and batches.</li>
 *   <li>Anonymous callers see none of these lists; they read single units by their code, as the scan page does.</li>
 * </ul>
 *
 * Each predicate uses only parameters named {@code v_*}, from {@link #parameters(Actor)}.
 */
public final class Visibility {

    private Visibility() {
    }

    public static Map<String, Object> parameters(Actor actor) {
        Map<String, Object> p = new HashMap<>();
        p.put("v_all", actor.readsEverything());
        p.put("v_admin", actor.has(Role.PLATFORM_ADMIN));
        p.put("v_org", actor.organizationGln() == null ? "" : actor.organizationGln());
        p.put("v_producer", actor.has(Role.PRODUCER));
        p.put("v_auditor", actor.has(Role.AUDITOR));
        p.put("v_shipper", actor.hasAny(Role.EXPORTER, Role.LOGISTICS));
        p.put("v_importer", actor.has(Role.IMPORTER));
        p.put("v_inspector", actor.has(Role.INSPECTOR));
        return p;
    }

    /** Adds the visibility parameters of the current caller to a query's parameters. */
    public static Map<String, Object> withParameters(Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(parameters(CurrentActor.get()));
        return all;
    }

    public static String batch(String b) {
        return """
                ($v_all
                 OR ($v_producer AND (EXISTS { (:Organization {gln: $v_org})-[:OPERATES]->(:Premises)-[:PRODUCED]->(%1$s) }
                                      OR EXISTS { (:Organization {gln: $v_org})-[:OWNS]->(:Product)<-[:OF_PRODUCT]-(%1$s) }))
                 OR ($v_auditor AND (EXISTS { (:Organization {gln: $v_org})<-[:ENGAGES]-(:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(%1$s) }
                                     OR EXISTS { (:Organization {gln: $v_org})-[:PERFORMED]->(:Inspection)-[:OF]->(%1$s) }))
                 OR ($v_shipper AND EXISTS { (:Organization {gln: $v_org})-[:SHIPS]->(:Shipment)-[:CARRIES]->(%1$s) })
                 OR ($v_importer AND EXISTS { (:Organization {gln: $v_org})-[:IMPORTS]->(:Consignment)-[:DECLARES]->(%1$s) })
                 OR ($v_inspector AND EXISTS {
                        (:Organization {gln: $v_org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)-[:DECLARES]->(%1$s) }))
                """.formatted(b);
    }

    public static String shipment(String s) {
        return """
                ($v_all
                 OR ($v_shipper AND EXISTS { (:Organization {gln: $v_org})-[:SHIPS]->(%1$s) })
                 OR ($v_producer AND EXISTS { (:Organization {gln: $v_org})-[:OPERATES]->(:Premises)-[:PRODUCED]->(:Batch)<-[:CARRIES]-(%1$s) })
                 OR ($v_auditor AND EXISTS { (:Organization {gln: $v_org})-[:PERFORMED]->(:Inspection)-[:OF]->(%1$s) })
                 OR ($v_importer AND EXISTS { (:Organization {gln: $v_org})-[:IMPORTS]->(:Consignment)-[:SHIPPED_AS]->(%1$s) })
                 OR ($v_inspector AND EXISTS {
                        (:Organization {gln: $v_org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)-[:SHIPPED_AS]->(%1$s) }))
                """.formatted(s);
    }

    public static String consignment(String c) {
        return """
                ($v_all
                 OR ($v_importer AND EXISTS { (:Organization {gln: $v_org})-[:IMPORTS]->(%1$s) })
                 OR ($v_inspector AND EXISTS { (:Organization {gln: $v_org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(%1$s) })
                 OR ($v_shipper AND EXISTS { (:Organization {gln: $v_org})-[:SHIPS]->(:Shipment)<-[:SHIPPED_AS]-(%1$s) }))
                """.formatted(c);
    }

    /**
     * The consignments {@code actor} may see, as a subquery binding {@code c}: the rules of {@link #consignment}, each
     * starting from the caller's organization. A list then reads an importer's own consignments instead of testing
     * every consignment against every rule, which on 400 consignments took the list from about 30 ms to 13.
     *
     * <p>Only the rules of the caller's roles are in the statement. A rule switched off by a parameter would still be
     * planned, and the administrators' rule is a scan of every consignment: with millions of them, each partner's page
     * would read them all to keep none. The text depends on the roles alone (a handful of cached plans), never on
     * anything the caller sends; the organization is still the parameter {@code $v_org}.
     */
    public static String consignments(Actor actor) {
        if (actor.readsEverything()) {
            return everything("c", "Consignment");
        }
        List<String> rules = new ArrayList<>();
        if (actor.has(Role.IMPORTER)) {
            rules.add("-[:IMPORTS]->(c:Consignment)");
        }
        if (actor.has(Role.INSPECTOR)) {
            rules.add("-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(c:Consignment)");
        }
        if (actor.hasAny(Role.EXPORTER, Role.LOGISTICS)) {
            rules.add("-[:SHIPS]->(:Shipment)<-[:SHIPPED_AS]-(c:Consignment)");
        }
        return union("c", rules);
    }

    /** The batches {@code actor} may see, as a subquery binding {@code b}: {@link #batch}, from the caller's side. */
    public static String batches(Actor actor) {
        if (actor.readsEverything()) {
            return everything("b", "Batch");
        }
        List<String> rules = new ArrayList<>();
        if (actor.has(Role.PRODUCER)) {
            rules.add("-[:OPERATES]->(:Premises)-[:PRODUCED]->(b:Batch)");
            rules.add("-[:OWNS]->(:Product)<-[:OF_PRODUCT]-(b:Batch)");
        }
        if (actor.has(Role.AUDITOR)) {
            rules.add("<-[:ENGAGES]-(:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(b:Batch)");
            rules.add("-[:PERFORMED]->(:Inspection)-[:OF]->(b:Batch)");
        }
        if (actor.hasAny(Role.EXPORTER, Role.LOGISTICS)) {
            rules.add("-[:SHIPS]->(:Shipment)-[:CARRIES]->(b:Batch)");
        }
        if (actor.has(Role.IMPORTER)) {
            rules.add("-[:IMPORTS]->(:Consignment)-[:DECLARES]->(b:Batch)");
        }
        if (actor.has(Role.INSPECTOR)) {
            rules.add("-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)-[:DECLARES]->(b:Batch)");
        }
        return union("b", rules);
    }

    /** The shipments {@code actor} may see, as a subquery binding {@code s}: {@link #shipment}, from the caller's side. */
    public static String shipments(Actor actor) {
        if (actor.readsEverything()) {
            return everything("s", "Shipment");
        }
        List<String> rules = new ArrayList<>();
        if (actor.hasAny(Role.EXPORTER, Role.LOGISTICS)) {
            rules.add("-[:SHIPS]->(s:Shipment)");
        }
        if (actor.has(Role.PRODUCER)) {
            rules.add("-[:OPERATES]->(:Premises)-[:PRODUCED]->(:Batch)<-[:CARRIES]-(s:Shipment)");
        }
        if (actor.has(Role.AUDITOR)) {
            rules.add("-[:PERFORMED]->(:Inspection)-[:OF]->(s:Shipment)");
        }
        if (actor.has(Role.IMPORTER)) {
            rules.add("-[:IMPORTS]->(:Consignment)-[:SHIPPED_AS]->(s:Shipment)");
        }
        if (actor.has(Role.INSPECTOR)) {
            rules.add("-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)-[:SHIPPED_AS]->(s:Shipment)");
        }
        return union("s", rules);
    }

    /**
     * The inspections {@code actor} may see, as a subquery binding {@code i}: {@link #inspection}, from the caller's
     * side. Every partner sees the inspections its own organization performed, whatever its roles.
     */
    public static String inspections(Actor actor) {
        if (actor.readsEverything()) {
            return everything("i", "Inspection");
        }
        List<String> rules = new ArrayList<>();
        rules.add("-[:PERFORMED]->(i:Inspection)");
        if (actor.has(Role.PRODUCER)) {
            rules.add("-[:OPERATES]->(:Premises)<-[:OF]-(i:Inspection)");
            rules.add("-[:OPERATES]->(:Premises)-[:PRODUCED]->(:Batch)<-[:OF]-(i:Inspection)");
        }
        if (actor.has(Role.IMPORTER)) {
            rules.add("-[:IMPORTS]->(:Consignment)<-[:OF]-(i:Inspection)");
        }
        if (actor.has(Role.INSPECTOR)) {
            rules.add("-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)<-[:OF]-(i:Inspection)");
        }
        return union("i", rules);
    }

    private static String everything(String variable, String label) {
        return "CALL () { MATCH (%1$s:%2$s) RETURN %1$s }\n".formatted(variable, label);
    }

    /**
     * The rules as one subquery binding {@code variable}, each node once (UNION removes duplicates). Each rule is a path
     * from the caller's organization; the index hint makes every branch start there, whatever the statistics say: on a
     * small graph the planner would otherwise start some branches from a scan of every node of the label (an auditor's
     * shipments from all shipments, when its inspections outnumber them), which is what the lists must never do.
     */
    private static String union(String variable, List<String> pathsFromCaller) {
        if (pathsFromCaller.isEmpty()) {
            // No rule lets this caller see any: no rows, and no read at all.
            return "CALL () { UNWIND [] AS %1$s RETURN %1$s }\n".formatted(variable);
        }
        return "CALL () {\n  " + String.join("\n  UNION\n  ", pathsFromCaller.stream()
                .map(path -> "MATCH (org:Organization {gln: $v_org})" + path
                        + " USING INDEX org:Organization(gln) RETURN " + variable)
                .toList()) + "\n}\n";
    }

    /**
     * Commercial documents of a consignment (invoices, packing lists...): its importer, the inspectors of its
     * port, platform administrators. Not analysts, not the other parties of the chain.
     */
    public static String consignmentDocuments(String c) {
        return """
                ($v_admin
                 OR ($v_importer AND EXISTS { (:Organization {gln: $v_org})-[:IMPORTS]->(%1$s) })
                 OR ($v_inspector AND EXISTS { (:Organization {gln: $v_org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(%1$s) }))
                """.formatted(c);
    }

    /** Shipping papers (bill of lading, seal): the shipper, the importers and port inspectors concerned, administrators. */
    public static String shipmentPapers(String s) {
        return """
                ($v_admin
                 OR ($v_shipper AND EXISTS { (:Organization {gln: $v_org})-[:SHIPS]->(%1$s) })
                 OR ($v_importer AND EXISTS { (:Organization {gln: $v_org})-[:IMPORTS]->(:Consignment)-[:SHIPPED_AS]->(%1$s) })
                 OR ($v_inspector AND EXISTS {
                        (:Organization {gln: $v_org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)-[:SHIPPED_AS]->(%1$s) }))
                """.formatted(s);
    }

    public static String inspection(String i) {
        return """
                ($v_all
                 OR EXISTS { (:Organization {gln: $v_org})-[:PERFORMED]->(%1$s) }
                 OR ($v_producer AND (EXISTS { (:Organization {gln: $v_org})-[:OPERATES]->(:Premises)<-[:OF]-(%1$s) }
                                      OR EXISTS { (:Organization {gln: $v_org})-[:OPERATES]->(:Premises)-[:PRODUCED]->(:Batch)<-[:OF]-(%1$s) }))
                 OR ($v_importer AND EXISTS { (:Organization {gln: $v_org})-[:IMPORTS]->(:Consignment)<-[:OF]-(%1$s) })
                 OR ($v_inspector AND EXISTS { (:Organization {gln: $v_org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)<-[:OF]-(%1$s) }))
                """.formatted(i);
    }
}
