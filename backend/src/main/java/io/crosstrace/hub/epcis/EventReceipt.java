package io.crosstrace.hub.epcis;

/**
 * What became of one event of a capture.
 *
 * @param index   its position in the document's event list
 * @param eventId the ID it is stored under: its eventID, or its event hash ID when it came without one
 * @param hashId  its event hash ID (CBV 2.0 §8.9)
 * @param status  what happened to it
 * @param problem why it was rejected; null otherwise
 */
public record EventReceipt(int index, String eventId, String hashId, Status status, EpcisProblem problem) {

    public enum Status {
        /** Stored (or, in a capture that was rolled back, would have been). */
        ACCEPTED,
        /** An event with the same eventID or event hash is stored already; nothing was written. */
        DUPLICATE,
        /** An error declaration for an event already stored: the stored event now carries the declaration. */
        ERROR_DECLARED,
        /** Refused (see {@code problem}); in the default rollback mode no event of its document is stored. */
        REJECTED,
        /** Acceptable, but not stored because another event of its document was rejected (rollback). */
        ROLLED_BACK
    }

    EventReceipt rolledBack() {
        return status == Status.ACCEPTED || status == Status.ERROR_DECLARED
                ? new EventReceipt(index, eventId, hashId, Status.ROLLED_BACK, null) : this;
    }
}
