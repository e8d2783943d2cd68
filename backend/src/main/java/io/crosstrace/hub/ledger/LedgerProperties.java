package io.crosstrace.hub.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's checkpoints ({@code crosstrace.ledger.*}).
 *
 * @param checkpointSize     entries per checkpoint (default 256, at most {@value #MAX_CHECKPOINT_SIZE}): the
 *                           append that fills one seals it at once; a proof needs this many hashes read
 * @param checkpointInterval how often the entries that did not fill a checkpoint are sealed anyway (default
 *                           1m), so a quiet ledger still gets roots that can be published
 */
@ConfigurationProperties("crosstrace.ledger")
record LedgerProperties(
        @DefaultValue("256") int checkpointSize,
        @DefaultValue("1m") Duration checkpointInterval) {

    static final int MAX_CHECKPOINT_SIZE = 65_536;

    LedgerProperties {
        if (checkpointSize < 1 || checkpointSize > MAX_CHECKPOINT_SIZE) {
            throw new IllegalArgumentException("crosstrace.ledger.checkpoint-size must be 1 to " + MAX_CHECKPOINT_SIZE
                    + " (was " + checkpointSize + ")");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("crosstrace.ledger.checkpoint-interval must be positive (was "
                    + checkpointInterval + ")");
        }
    }
}
