package io.crosstrace.hub.recall;

import java.util.HashMap;
import java.util.Map;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.security.Visibility;

/**
 * Who may trace, recall and see recalls, in one place (the rest of the partner scoping is in {@link Visibility}).
 *
 * <ul>
 *   <li>Authorities (platform administrators, analysts, port inspectors) trace any batch and see every recall.</li>
 *   <li>A producer traces, recalls (voluntarily) and closes its own voluntary recalls of the batches it produced:
 *       made at premises it operates or of products it owns, the same ownership as in {@link Visibility#batch}.</li>
 *   <li>Other partners see the recalls that touch a batch they see (an importer: the batches it declared).</li>
 * </ul>
 *
 * Predicates use the parameters of {@link #parameters(Actor)}: {@code $r_authority}, {@code $r_org} and the
 * {@code v_*} ones of {@link Visibility}.
 */
final class RecallAccess {

    /** Roles that trace and read recalls without regard to ownership; analysts read but never initiate. */
    static final Role[] TRACE_ROLES = {Role.PLATFORM_ADMIN, Role.ANALYST, Role.INSPECTOR, Role.PRODUCER};
    /** Roles that may initiate a recall: the authorities for any batch, a producer for its own. */
    static final Role[] RECALL_ROLES = {Role.PLATFORM_ADMIN, Role.INSPECTOR, Role.PRODUCER};

    private RecallAccess() {
    }

    /** Reads every batch and recall regardless of who made it. */
    static boolean isAuthority(Actor actor) {
        return actor.hasAny(Role.PLATFORM_ADMIN, Role.ANALYST, Role.INSPECTOR);
    }

    /** Orders recalls of any batch: administrators and port inspectors. Analysts change nothing. */
    static boolean ordersRecalls(Actor actor) {
        return actor.hasAny(Role.PLATFORM_ADMIN, Role.INSPECTOR);
    }

    static Map<String, Object> parameters(Actor actor) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(actor));
        p.put("r_authority", isAuthority(actor));
        p.put("r_org", actor.organizationGln() == null ? "" : actor.organizationGln());
        return p;
    }

    /** The caller's organization produced the batch {@code b}: it operates the premises or owns the product. */
    static String producedByCaller(String b) {
        return """
                (EXISTS { (:Organization {gln: $r_org})-[:OPERATES]->(:Premises)-[:PRODUCED]->(%1$s) }
                 OR EXISTS { (:Organization {gln: $r_org})-[:OWNS]->(:Product)<-[:OF_PRODUCT]-(%1$s) })""".formatted(b);
    }

    /** The caller may trace batch {@code b}. */
    static String traceable(String b) {
        return "($r_authority OR ($v_producer AND " + producedByCaller(b) + "))";
    }

    /** The caller may see recall {@code r}: authorities all, others those touching a batch they see. */
    static String visibleRecall(String r) {
        return "($r_authority OR EXISTS { MATCH (%s)-[:RECALLS]->(vb:Batch) WHERE %s })".formatted(r, Visibility.batch("vb"));
    }
}
