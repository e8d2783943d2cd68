package io.crosstrace.hub.port;

import static io.crosstrace.hub.mutation.Rules.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.crosstrace.hub.audit.Inspection;
import io.crosstrace.hub.audit.InspectionService;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.logistics.LogisticsWorkflowService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Numbers;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * The port inspector's decision on a consignment: release, hold or reject, with a note. It is recorded as a
 * PORT_VERIFICATION inspection of the consignment, moves the consignment's status through the logistics workflow
 * (which tells the importer and the shipper by webhook and appends its own ledger entries), and ends with the
 * decision's ledger entry. All in one transaction, with an idempotency key.
 */
@Service
public class ConsignmentDecisionService {

    /**
     * @param consignment    global ID of the consignment
     * @param decision       RELEASE, HOLD or REJECT
     * @param note           the inspector's words, up to 2,000 characters
     * @param codes          optional: the sampled codes, verified again inside the decision so the record holds the
     *                       verdict it was taken on; releasing against a RED verdict then needs a note
     * @param idempotencyKey optional; a retry with it returns the first decision and writes nothing
     */
    public record DecideInput(String consignment, String decision, String note, List<String> codes,
                              String idempotencyKey) {
    }

    /** The decided consignment and the inspection that records the decision. */
    public record Decided(Consignment consignment, Inspection inspection) {
    }

    static final int MAX_NOTE = 2_000;
    static final int MAX_FINDINGS = 5_000;

    private static final String LOCK = """
            MATCH (c:Consignment {declarationNumber: $number})
            SET c.lockedAt = datetime()
            RETURN c.status AS status,
                   EXISTS { (:Organization {gln: $org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(c) } AS inspectsHere""";

    private static final String RECORD = """
            MATCH (c:Consignment {declarationNumber: $consignment}), (o:Organization {gln: $org})
            CREATE (o)-[:PERFORMED]->(:Inspection {number: $number, kind: 'PORT_VERIFICATION', result: $result,
                                                   performedOn: $day, findings: $findings})-[:OF]->(c)""";

    private final Neo4jClient neo4j;
    private final Mutations mutations;
    private final PortVerdictRecords verdicts;
    private final LogisticsWorkflowService workflow;
    private final LogisticsService logistics;
    private final InspectionService inspections;
    private final LedgerService ledger;
    private final Clock clock;

    ConsignmentDecisionService(Neo4jClient neo4j, Mutations mutations, PortVerdictRecords verdicts,
                               LogisticsWorkflowService workflow, LogisticsService logistics, InspectionService inspections,
                               LedgerService ledger, Clock clock) {
        this.neo4j = neo4j;
        this.mutations = mutations;
        this.verdicts = verdicts;
        this.workflow = workflow;
        this.logistics = logistics;
        this.inspections = inspections;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Records the decision of a port inspector of the consignment's port of arrival. Allowed from ARRIVED (moved to
     * UNDER_INSPECTION first), UNDER_INSPECTION, and from HELD to RELEASED or REJECTED: the logistics workflow's
     * transitions, which this reuses rather than repeats.
     *
     * @throws org.springframework.security.access.AccessDeniedException the caller is not a port inspector
     */
    public Outcome<Decided> decide(DecideInput in) {
        Actor actor = CurrentActor.require(Role.INSPECTOR);
        return mutations.create("consignmentDecide", in.idempotencyKey(), in, () -> {
            String number = Rules.key(in.consignment(), Consignment.TYPE, "consignment");
            ConsignmentDecision decision = decision(in.decision());
            require(in.note() == null || in.note().length() <= MAX_NOTE, "NOTE_TOO_LONG",
                    "At most " + MAX_NOTE + " characters", "note");
            require(in.codes() == null || in.codes().size() <= PortVerificationService.MAX_CODES, "TOO_MANY_CODES",
                    "At most " + PortVerificationService.MAX_CODES + " codes", "codes");

            Map<String, Object> row = neo4j.query(LOCK).bindAll(Map.of("number", number, "org", actor.organizationGln()))
                    .fetch().one().orElse(null);
            // Someone else's port looks like no consignment at all, as in the reads.
            if (row == null || !(Boolean) row.get("inspectsHere")) {
                throw new MutationRejected("CONSIGNMENT_NOT_FOUND", "No consignment arriving at your ports with this ID",
                        "input", "consignment");
            }
            String from = (String) row.get("status");

            PortVerification verdict = verdictOn(number, in.codes());
            boolean noNote = in.note() == null || in.note().isBlank();
            require(!(decision == ConsignmentDecision.RELEASE && verdict != null && verdict.verdict() == PortVerdict.RED && noNote),
                    "NOTE_REQUIRED", "Releasing against a RED verdict needs a note that says why", "note");

            LocalDate today = LocalDate.now(clock);
            String inspection = Numbers.next("PV", today);
            neo4j.query(RECORD).bindAll(Map.of("consignment", number, "org", actor.organizationGln(), "number", inspection,
                    "result", decision.inspectionResult(), "day", today, "findings", findings(decision, in.note(), verdict)))
                    .run();

            // The status moves (and their webhooks and ledger entries) are the workflow's; an implicit start of the
            // inspection keeps the recorded history complete.
            if ("ARRIVED".equals(from)) {
                move(number, "UNDER_INSPECTION", "Port verification started");
            }
            move(number, decision.status(), in.note());

            Map<String, Object> change = new LinkedHashMap<>();
            change.put("decision", decision.name());
            change.put("inspection", inspection);
            change.put("from", from);
            change.put("to", decision.status());
            change.put("verdict", verdict == null ? "" : verdict.verdict().name());
            change.put("codes", verdict == null ? 0 : verdict.codes().size());
            change.put("note", in.note() == null ? "" : in.note());
            // Last: the ledger entry holds the ledger's lock until commit.
            ledger.append("consignment.decide", "Consignment:" + number, change);
            return inspection;
        }, this::decided);
    }

    private static ConsignmentDecision decision(String text) {
        try {
            return ConsignmentDecision.valueOf(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new MutationRejected("INVALID_DECISION", "RELEASE, HOLD or REJECT", "input", "decision");
        }
    }

    private PortVerification verdictOn(String number, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        try {
            return verdicts.verifyAndRecord(number, codes);
        } catch (BadInputException | NotFoundException e) {
            throw new MutationRejected("INVALID_CODES", e.getMessage(), "input", "codes");
        }
    }

    private void move(String number, String status, String note) {
        Outcome<Consignment> moved = workflow.changeStatus(number, status, note);
        if (!moved.ok()) {
            // Its refusal already marked the transaction for rollback: refuse the whole decision with its reasons.
            throw new MutationRejected(moved.userErrors().toArray(UserError[]::new));
        }
    }

    /** The note first, then the verdict it was taken on, code by code with what did not pass. */
    static String findings(ConsignmentDecision decision, String note, PortVerification verdict) {
        StringBuilder text = new StringBuilder("Decision: ").append(decision.name());
        if (note != null && !note.isBlank()) {
            text.append(". ").append(note.strip());
        }
        if (verdict != null) {
            text.append("\nVerification: ").append(verdict.verdict()).append(" on ").append(verdict.codes().size())
                    .append(" code(s)");
            for (CodeVerification code : verdict.codes()) {
                text.append("\n- ").append(code.path() == null ? code.code() : code.path()).append(": ").append(code.verdict());
                for (CheckResult failure : code.failures()) {
                    text.append("; ").append(failure.check()).append(" ").append(failure.status()).append(": ")
                            .append(failure.reason());
                }
            }
        }
        return text.length() <= MAX_FINDINGS ? text.toString() : text.substring(0, MAX_FINDINGS - 1) + "…";
    }

    private Decided decided(String inspectionNumber) {
        Inspection inspection = inspections.inspectionsByNumber(List.of(inspectionNumber)).get(inspectionNumber);
        Consignment consignment = inspection == null ? null
                : logistics.consignmentsByNumber(List.of(inspection.subjectKey())).get(inspection.subjectKey());
        return new Decided(consignment, inspection);
    }
}
