package io.crosstrace.hub.code;

import io.crosstrace.hub.batch.BatchRegistrationService;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

import java.util.List;

import org.springframework.stereotype.Service;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NotFoundException;

/**
 * Prepares label sheets: a batch's codes in serial order, each with its signed URI. A sheet holds genuine,
 * signed codes ready to print, so it is as sensitive as issuing codes.
 */
@Service
public class LabelSheetService {

    public static final int MAX_LABELS = 5_000;

    private final IssuedCodeReads reads;
    private final CodeSigner signer;

    private final BatchRegistrationService batches;

    LabelSheetService(IssuedCodeReads reads, CodeSigner signer, BatchRegistrationService batches) {
        this.reads = reads;
        this.batches = batches;
        this.signer = signer;
    }

    /**
     * The labels of codes {@code from} to {@code from + count - 1} of a batch (in serial order), signed for
     * {@code resolverBase}. The single entry point for label sheets, hence where the authorization rule of
     * partner security goes.
     *
     * @throws BadInputException {@code from} negative or {@code count} outside 1 to {@value #MAX_LABELS}
     * @throws NotFoundException no such batch, or no codes from {@code from} on
     */
    public LabelSheet labelSheet(Gtin gtin, LotNumber lot, int from, int count, String resolverBase) {
        if (from < 0) {
            throw new BadInputException("'from' must not be negative (was " + from + ")");
        }
        if (count < 1 || count > MAX_LABELS) {
            throw new BadInputException("'count' is 1 to " + MAX_LABELS + " labels per sheet (was " + count + ")");
        }
        Actor actor = CurrentActor.require(Role.PRODUCER, Role.PLATFORM_ADMIN);
        // Printable genuine codes go to the batch's producer only; another producer's batch looks like a missing one.
        boolean mine = actor.has(Role.PLATFORM_ADMIN) || batches.standing(gtin.value(), lot.value())
                .map(s -> actor.actsFor(s.producerGln())).orElse(false);
        if (!mine) {
            throw new NotFoundException("No batch with GTIN " + gtin + " and lot " + lot);
        }
        IssuedCodeReads.BatchLabelFacts facts = reads.labelFacts(gtin, lot)
                .orElseThrow(() -> new NotFoundException("No batch with GTIN " + gtin + " and lot " + lot));
        List<String> serials = reads.serials(gtin, lot, from, count);
        if (serials.isEmpty()) {
            throw new NotFoundException("Batch " + gtin + " / " + lot + " has no unit codes from position " + from + " on");
        }
        List<LabelSheet.Label> labels = serials.stream().map(serial -> new LabelSheet.Label(serial,
                signer.signedUri(DigitalLink.unit(gtin, lot, new Serial(serial)), resolverBase))).toList();
        return new LabelSheet(gtin.value(), lot.value(), facts.productName(), facts.expiryDate(), labels);
    }
}
