package io.crosstrace.hub.port;

/** What the port inspector decides about a consignment, and what it does to the consignment and the record. */
public enum ConsignmentDecision {
    RELEASE("RELEASED", "PASS"),
    HOLD("HELD", "FAIL"),
    REJECT("REJECTED", "FAIL");

    private final String status;
    private final String inspectionResult;

    ConsignmentDecision(String status, String inspectionResult) {
        this.status = status;
        this.inspectionResult = inspectionResult;
    }

    /** The consignment status it leads to. */
    public String status() {
        return status;
    }

    /** The result of the PORT_VERIFICATION inspection that records it. */
    public String inspectionResult() {
        return inspectionResult;
    }
}
