package io.crosstrace.hub.certificate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphdb.CrossTraceProperties;
import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;

/**
 * The demo world's certificates come from a generator, not from an inspection body using the hub, so they are
 * signed here on behalf of their issuers, once: then the scan page and the API can verify them like any other.
 * Only in a hub that seeds the demo world.
 */
@Component
@Order(2)
class DemoCertificateSigning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificateSigning.class);

    private final CertificateSignatures signatures;
    private final CrossTraceProperties hub;
    private final TransactionTemplate transactions;

    DemoCertificateSigning(CertificateSignatures signatures, CrossTraceProperties hub, PlatformTransactionManager transactionManager) {
        this.signatures = signatures;
        this.hub = hub;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!hub.seed()) {
            return;
        }
        Integer signed = transactions.execute(s -> signatures.signUnsigned());
        if (signed != null && signed > 0) {
            log.info("Signed {} demo certificates on behalf of their issuers", signed);
        }
    }
}
