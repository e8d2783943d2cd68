package io.crosstrace.hub.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * What one request to a receiver came to.
 *
 * @param at         when it was sent
 * @param statusCode the receiver's HTTP status; null when there was no answer
 * @param error      why it failed, in a few words; null on success
 * @param duration   from sending to the status line or the failure
 */
record AttemptOutcome(Instant at, Integer statusCode, String error, Duration duration) {

    static final int MAX_ERROR_LENGTH = 500;

    AttemptOutcome {
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
    }

    static AttemptOutcome answered(Instant at, int statusCode, Duration duration) {
        boolean success = statusCode >= 200 && statusCode < 300;
        return new AttemptOutcome(at, statusCode, success ? null : "HTTP " + statusCode, duration);
    }

    static AttemptOutcome failed(Instant at, String error, Duration duration) {
        return new AttemptOutcome(at, null, error, duration);
    }

    boolean delivered() {
        return error == null;
    }
}
