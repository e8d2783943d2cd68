package io.crosstrace.hub.code;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The result of one call that issued unit codes for a batch.
 *
 * @param idempotencyKey the caller's key for retries, or null
 * @param gtin           the batch's GTIN-14
 * @param lot            the batch's lot
 * @param count          how many codes the call issued
 * @param issuedAt       when (every code of the call carries this {@code issuedAt})
 * @param firstPaths     Digital Link paths of the issued codes in serial order, the first
 *                       {@link CodeMintingService#LISTED_PATHS} of them
 * @param replayed       true when this is the stored result of an earlier call with the same key; nothing was minted
 */
public record CodeIssue(String idempotencyKey, String gtin, String lot, int count, OffsetDateTime issuedAt,
        List<String> firstPaths, boolean replayed) {

    public CodeIssue {
        firstPaths = List.copyOf(firstPaths);
    }
}
