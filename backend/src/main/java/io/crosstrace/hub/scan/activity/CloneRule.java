package io.crosstrace.hub.scan.activity;

/**
 * The signs that a unit code was cloned. Thresholds live in {@code crosstrace.scan.clone.*}
 * ({@link ScanProperties.Clone}).
 */
public enum CloneRule {

    /** More distinct clients scanned the code within a window than a genuine unit meets. */
    MANY_CLIENTS,
    /** Two located scans farther apart than anyone could carry one unit in the time between them. */
    FAR_APART,
    /** Scanned in the market before any consignment of the batch was released at the port. */
    BEFORE_RELEASE,
    /** The batch was never declared in any consignment into this market. */
    NOT_SHIPPED_HERE
}
