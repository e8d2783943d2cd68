package io.crosstrace.hub.scan;

import java.time.LocalDate;
import java.util.List;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.Product;

/**
 * Everything the scan page shows for one resolved key. Fields that do not apply at the key's level
 * (a product-level code has no batch) are null or empty.
 *
 * @param signature   the result of checking the code's signature, null below unit level
 * @param scanCount   earlier scans of this unit, null below unit level
 * @param warnings    message keys or texts explaining a WARNING or RECALLED verdict
 * @param issuerNames organization names by GLN, for certificates and journey
 */
record ScanView(String path, Level level, Verdict verdict, List<String> warnings, Product product, Batch batch,
        Premises premises, Organization producer, List<Certificate> certificates, List<JourneyStep> journey,
        String serial, SignatureStatus signature, Long scanCount, java.util.Map<String, String> issuerNames,
        LocalDate today) {

    enum Level { PRODUCT, BATCH, UNIT, PREMISES }

    /** How the code's signature checked out. */
    enum SignatureStatus { VALID, ABSENT, INVALID }
}
