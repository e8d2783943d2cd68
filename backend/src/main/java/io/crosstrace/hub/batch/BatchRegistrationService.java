package io.crosstrace.hub.batch;

import static io.crosstrace.hub.mutation.Rules.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * Producers record their batches: of a product they own and filed (approved), made at premises they operate
 * (approved). Only such batches can be inspected, certified and coded.
 */
@Service
public class BatchRegistrationService {

    public record BatchCreateInput(String gtin, String lot, String premises, LocalDate productionDate,
                                   LocalDate expiryDate, String idempotencyKey) {
    }

    /** What the approval and ownership rules need to know about a batch, read in one statement. */
    public record BatchStanding(String gtin, String lot, String producerGln, boolean productApproved,
                                boolean premisesApproved, boolean producerApproved, String premisesGln,
                                LocalDate productionDate, LocalDate expiryDate, long quantity) {

        public boolean approved() {
            return productApproved && premisesApproved && producerApproved;
        }
    }

    private static final String STANDING = """
            MATCH (b:Batch {gtin: $gtin, lot: $lot})
            OPTIONAL MATCH (m:Premises)-[:PRODUCED]->(b)
            OPTIONAL MATCH (o:Organization)-[:OPERATES]->(m)
            OPTIONAL MATCH (b)-[:OF_PRODUCT]->(p:Product)
            RETURN b.gtin AS gtin, b.lot AS lot, o.gln AS producer, m.gln AS premises,
                   coalesce(p.status, 'APPROVED') = 'APPROVED' AND p IS NOT NULL AS productApproved,
                   coalesce(m.status, 'APPROVED') = 'APPROVED' AND m IS NOT NULL AS premisesApproved,
                   coalesce(o.status, 'APPROVED') = 'APPROVED' AND o IS NOT NULL AS producerApproved,
                   b.productionDate AS productionDate, b.expiryDate AS expiryDate, coalesce(b.quantity, 0) AS quantity
            LIMIT 1""";

    private final Neo4jClient neo4j;
    private final Mutations mutations;
    private final BatchService batches;
    private final LedgerService ledger;
    private final Clock clock;

    BatchRegistrationService(Neo4jClient neo4j, Mutations mutations, BatchService batches, LedgerService ledger, Clock clock) {
        this.neo4j = neo4j;
        this.mutations = mutations;
        this.batches = batches;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Outcome<Batch> create(BatchCreateInput in) {
        Actor actor = CurrentActor.require(Role.PRODUCER);
        return mutations.create("batchCreate", in.idempotencyKey(), in, () -> {
            Gtin gtin;
            LotNumber lot;
            try {
                gtin = Gtin.parse(in.gtin());
            } catch (InvalidIdentifierException | NullPointerException e) {
                throw new MutationRejected("INVALID_GTIN", "Not a valid GTIN", "input", "gtin");
            }
            try {
                lot = new LotNumber(in.lot());
            } catch (InvalidIdentifierException | NullPointerException e) {
                throw new MutationRejected("INVALID_LOT", "A lot is 1 to 20 characters of the GS1 set (AI 10)", "input", "lot");
            }
            String premises = Rules.gln(in.premises(), "premises");
            require(in.productionDate() != null && !in.productionDate().isAfter(LocalDate.now(clock)), "INVALID_PRODUCTION_DATE",
                    "The production date is required and not in the future", "productionDate");
            require(in.expiryDate() != null && in.expiryDate().isAfter(in.productionDate()), "INVALID_EXPIRY_DATE",
                    "The expiry date is required and after the production date", "expiryDate");
            Map<String, Object> p = new HashMap<>();
            p.put("org", actor.organizationGln());
            p.put("gtin", gtin.value());
            p.put("lot", lot.value());
            p.put("premises", premises);
            Map<String, Object> owned = neo4j.query("""
                    OPTIONAL MATCH (:Organization {gln: $org})-[:OWNS]->(p:Product {gtin: $gtin})
                    OPTIONAL MATCH (:Organization {gln: $org})-[:OPERATES]->(m:Premises {gln: $premises})
                    RETURN p IS NOT NULL AS ownsProduct, coalesce(p.status, 'APPROVED') AS productStatus,
                           m IS NOT NULL AS operatesPremises, coalesce(m.status, 'APPROVED') AS premisesStatus,
                           EXISTS { (:Batch {gtin: $gtin, lot: $lot}) } AS exists""").bindAll(p).fetch().one().orElseThrow();
            require((Boolean) owned.get("ownsProduct"), "PRODUCT_NOT_YOURS", "Your organization owns no product with this GTIN", "gtin");
            require("APPROVED".equals(owned.get("productStatus")), "PRODUCT_NOT_APPROVED",
                    "The product's record filing is not approved", "gtin");
            require((Boolean) owned.get("operatesPremises"), "PREMISES_NOT_YOURS", "Your organization operates no such premises", "premises");
            require("APPROVED".equals(owned.get("premisesStatus")), "PREMISES_NOT_APPROVED",
                    "The premises' registration is not approved", "premises");
            require(!(Boolean) owned.get("exists"), "BATCH_EXISTS", "This product already has a batch with this lot", "lot");
            p.put("productionDate", in.productionDate());
            p.put("expiryDate", in.expiryDate());
            neo4j.query("""
                    MATCH (p:Product {gtin: $gtin}), (m:Premises {gln: $premises})
                    CREATE (m)-[:PRODUCED]->(b:Batch {gtin: $gtin, lot: $lot, productionDate: $productionDate,
                                                      expiryDate: $expiryDate, quantity: 0})-[:OF_PRODUCT]->(p)""")
                    .bindAll(p).run();
            ledger.append("batch.create", "Batch:" + gtin.value() + "/" + lot.value(), Map.of("premises", premises,
                    "productionDate", in.productionDate().toString(), "expiryDate", in.expiryDate().toString()));
            return Batch.key(gtin.value(), lot.value());
        }, key -> batches.batchesByKey(List.of(key)).get(key));
    }

    /** The batch's producer and approvals; empty when there is no such batch. Call inside a transaction. */
    public Optional<BatchStanding> standing(String gtin, String lot) {
        return neo4j.query(STANDING).bindAll(Map.of("gtin", gtin, "lot", lot)).fetch().one().map(r -> new BatchStanding(
                (String) r.get("gtin"), (String) r.get("lot"), (String) r.get("producer"), (Boolean) r.get("productApproved"),
                (Boolean) r.get("premisesApproved"), (Boolean) r.get("producerApproved"), (String) r.get("premises"),
                (LocalDate) r.get("productionDate"), (LocalDate) r.get("expiryDate"), ((Number) r.get("quantity")).longValue()));
    }
}
