package io.crosstrace.hub.certificate;

import static io.crosstrace.hub.mutation.Rules.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchRegistrationService;
import io.crosstrace.hub.batch.BatchRegistrationService.BatchStanding;
import io.crosstrace.hub.epcis.WorkflowEventRecorder;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Numbers;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.webhook.WebhookEventType;
import io.crosstrace.hub.webhook.WebhookEvents;

/**
 * The inspection body issues a batch's traceability certificate, signed with its key, once the batch passed its
 * pre-shipment inspection; and revokes it when it must. Only the issuing body revokes its certificates.
 */
@Service
public class CertificateIssuingService {

    public record CertificateIssueInput(String batch, LocalDate validFrom, LocalDate validUntil, String idempotencyKey) {
    }

    /** The latest pre-shipment inspection of a batch decides: a later FAIL cancels an earlier PASS. */
    private static final String LAST_PRE_SHIPMENT = """
            MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:OF]-(i:Inspection {kind: 'PRE_SHIPMENT_INSPECTION'})
            OPTIONAL MATCH (o:Organization)-[:PERFORMED]->(i)
            RETURN i.result AS result, i.performedOn AS performedOn, o.gln AS performer
            ORDER BY i.performedOn DESC, i.number DESC LIMIT 1""";

    private final Neo4jClient neo4j;
    private final Mutations mutations;
    private final CertificateService certificates;
    private final CertificateSignatures signatures;
    private final BatchRegistrationService batches;
    private final LedgerService ledger;
    private final WorkflowEventRecorder epcis;
    private final Clock clock;
    private final WebhookEvents webhooks;

    CertificateIssuingService(WebhookEvents webhooks, Neo4jClient neo4j, Mutations mutations, CertificateService certificates,
                              CertificateSignatures signatures, BatchRegistrationService batches, LedgerService ledger, WorkflowEventRecorder epcis,
                              Clock clock) {
        this.webhooks = webhooks;
        this.neo4j = neo4j;
        this.mutations = mutations;
        this.certificates = certificates;
        this.signatures = signatures;
        this.batches = batches;
        this.ledger = ledger;
        this.epcis = epcis;
        this.clock = clock;
    }

    public Outcome<Certificate> issue(CertificateIssueInput in) {
        Actor actor = CurrentActor.require(Role.AUDITOR);
        return mutations.create("certificateIssue", in.idempotencyKey(), in, () -> {
            Map<String, Object> key = Batch.keyParameters(Rules.key(in.batch(), Batch.TYPE, "batch"));
            BatchStanding batch = batches.standing((String) key.get("gtin"), (String) key.get("lot"))
                    .orElseThrow(() -> new MutationRejected("BATCH_NOT_FOUND", "No such batch", "input", "batch"));
            long engaged = Rules.count(neo4j, "MATCH (:Organization {gln: $producer})-[:ENGAGES]->(a:Organization {gln: $org}) "
                    + "RETURN count(a) AS n", Map.of("producer", String.valueOf(batch.producerGln()), "org", actor.organizationGln()));
            require(engaged > 0, "NOT_ENGAGED", "The producer has not engaged your inspection body", "batch");
            require(batch.approved(), "BATCH_NOT_APPROVED", "The batch's product filing, premises registration or producer "
                    + "registration is not approved; nothing unapproved is certified", "batch");
            Map<String, Object> inspection = neo4j.query(LAST_PRE_SHIPMENT).bindAll(key).fetch().one().orElse(null);
            require(inspection != null, "NOT_INSPECTED", "The batch has no pre-shipment inspection", "batch");
            require("PASS".equals(inspection.get("result")), "INSPECTION_FAILED",
                    "The batch's latest pre-shipment inspection failed; no certificate for it", "batch");
            LocalDate today = LocalDate.now(clock);
            LocalDate validFrom = in.validFrom() == null ? today : in.validFrom();
            require(in.validUntil() != null && in.validUntil().isAfter(validFrom), "INVALID_VALIDITY",
                    "validUntil is required and after validFrom", "validUntil");
            require(!validFrom.isBefore((LocalDate) inspection.get("performedOn")), "INVALID_VALIDITY",
                    "A certificate cannot be valid before the inspection it rests on", "validFrom");
            require(batch.expiryDate() == null || !in.validUntil().isAfter(batch.expiryDate()), "INVALID_VALIDITY",
                    "A certificate cannot outlast the batch's expiry date " + batch.expiryDate(), "validUntil");
            String number = Numbers.next("TC", today);
            Map<String, Object> p = new HashMap<>(key);
            p.put("org", actor.organizationGln());
            p.put("number", number);
            p.put("today", today);
            p.put("validFrom", validFrom);
            p.put("validUntil", in.validUntil());
            neo4j.query("""
                    MATCH (o:Organization {gln: $org}), (b:Batch {gtin: $gtin, lot: $lot})
                    CREATE (o)-[:ISSUED]->(:Certificate {number: $number, kind: 'TRACEABILITY', status: 'VALID', issuedOn: $today,
                                                         validFrom: $validFrom, validUntil: $validUntil})-[:CERTIFIES]->(b)""")
                    .bindAll(p).run();
            signatures.sign(number);
            epcis.certificateIssued(number);
            ledger.append("certificate.issue", "Certificate:" + number, Map.of("batch", key.get("gtin") + "/" + key.get("lot"),
                    "validFrom", validFrom.toString(), "validUntil", in.validUntil().toString()));
            return number;
        }, number -> certificates.certificatesByNumber(List.of(number)).get(number));
    }

    public Outcome<Certificate> revoke(String number, String reason) {
        Actor actor = CurrentActor.require(Role.AUDITOR);
        return mutations.change(() -> {
            Map<String, Object> row = neo4j.query("""
                    MATCH (c:Certificate {number: $number}) SET c.lockedAt = datetime()
                    RETURN c.status AS status, [(o:Organization)-[:ISSUED]->(c) | o.gln][0] AS issuer""")
                    .bind(number).to("number").fetch().one()
                    .orElseThrow(() -> new MutationRejected("CERTIFICATE_NOT_FOUND", "No such certificate", "input", "certificate"));
            require(actor.actsFor((String) row.get("issuer")), "NOT_YOUR_CERTIFICATE",
                    "Only the inspection body that issued a certificate revokes it", "certificate");
            require("VALID".equals(row.get("status")), "ALREADY_REVOKED", "The certificate is revoked already", "certificate");
            require(reason != null && !reason.isBlank() && reason.length() <= 1000, "REASON_REQUIRED",
                    "A revocation states its reason (up to 1,000 characters)", "reason");
            neo4j.query("MATCH (c:Certificate {number: $number}) SET c.status = 'REVOKED', c.revokedReason = $reason, "
                    + "c.revokedOn = $today").bindAll(Map.of("number", number, "reason", reason.strip(), "today", LocalDate.now(clock))).run();
            // The producer, the importers who declared its batches and the port authorities receiving them are told.
            List<String> concerned = neo4j.query("""
                    MATCH (c:Certificate {number: $number})-[:CERTIFIES]->(s)
                    OPTIONAL MATCH (producer:Organization)-[:OPERATES]->(m:Premises)
                    WHERE m = s OR (m)-[:PRODUCED]->(s)
                    OPTIONAL MATCH (importer:Organization)-[:IMPORTS]->(:Consignment)-[:DECLARES]->(s)
                    OPTIONAL MATCH (port:Organization)-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)-[:DECLARES]->(s)
                    WITH collect(DISTINCT producer.gln) + collect(DISTINCT importer.gln) + collect(DISTINCT port.gln) AS glns
                    UNWIND glns AS gln RETURN DISTINCT gln""").bind(number).to("number").fetchAs(String.class).all().stream().toList();
            webhooks.publish(WebhookEventType.CERTIFICATE_REVOKED, concerned, "Certificate:" + number,
                    Map.of("certificate", number, "reason", reason.strip()));
            // Last: the ledger entry holds the ledger's lock until commit.
            ledger.append("certificate.revoke", "Certificate:" + number, Map.of("reason", reason.strip()));
            return certificates.certificatesByNumber(List.of(number)).get(number);
        });
    }
}
