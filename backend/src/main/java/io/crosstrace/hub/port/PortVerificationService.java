package io.crosstrace.hub.port;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.code.SignatureCheck;
import io.crosstrace.hub.epcis.PartnerEvents;
import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * The port's green lane: an inspector scans units of an arriving consignment and gets, per unit and check by check,
 * whether it can be released on the strength of the checks made abroad. One read collects the facts
 * ({@link PortVerificationReader}); the rules ({@link PortRules}) judge them in memory. Nothing is written: the
 * decision is a separate step ({@link ConsignmentDecisionService}).
 *
 * <p>Deliberately not {@code @Transactional}: the facts come from one statement, which is consistent by itself, and
 * run alone it is one auto-commit round trip instead of begin, run and commit (about 2 ms of a verdict's budget).
 * Inside a decision it joins the decision's write transaction like any other statement.
 */
@Service
public class PortVerificationService {

    /** Codes per call: a sample, not the whole container. */
    public static final int MAX_CODES = 50;

    private final PortVerificationReader reader;
    private final CodeSigner signer;
    private final CertificateTrust certificates;
    private final PortProperties limits;
    private final Clock clock;
    private final PartnerEvents partnerEvents;

    PortVerificationService(PortVerificationReader reader, CodeSigner signer, CertificateTrust certificates,
                            PortProperties limits, Clock clock, PartnerEvents partnerEvents) {
        this.partnerEvents = partnerEvents;
        this.reader = reader;
        this.signer = signer;
        this.certificates = certificates;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Verifies sampled unit codes of a consignment: port inspectors of its port of arrival and platform
     * administrators only.
     *
     * @param declarationNumber the consignment
     * @param codes             1 to {@value #MAX_CODES} codes as scanned or typed; a malformed one fails its own
     *                          CODE_FORMAT check and does not fail the request
     * @throws org.springframework.security.access.AccessDeniedException any other role (FORBIDDEN)
     * @throws NotFoundException  no such consignment, or one arriving at another port (the same answer)
     * @throws BadInputException  no codes, or more than {@value #MAX_CODES}
     */
    public PortVerification verify(String declarationNumber, List<String> codes) {
        Actor actor = CurrentActor.require(Role.INSPECTOR, Role.PLATFORM_ADMIN);
        if (codes == null || codes.isEmpty() || codes.size() > MAX_CODES) {
            throw new BadInputException("Send 1 to " + MAX_CODES + " codes per verification");
        }
        List<ScannedCode> scanned = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            scanned.add(ScannedCode.parse(i, codes.get(i)));
        }
        PortVerificationReader.Read read = reader.read(actor, declarationNumber, scanned)
                .orElseThrow(() -> new NotFoundException("No consignment " + declarationNumber + " arriving at your ports"));

        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = now.toLocalDate();
        List<CodeVerification> results = new ArrayList<>(scanned.size());
        PortVerdict consignmentVerdict = PortVerdict.GREEN;
        for (ScannedCode code : scanned) {
            CodeVerification result = code.wellFormed()
                    ? judge(code, read.codes().get(code.link().path()), read.consignment(), today)
                    : new CodeVerification(code.text(), null, null, null, null, PortVerdict.RED,
                            List.of(PortRules.malformed(code)));
            results.add(result);
            consignmentVerdict = PortVerdict.worse(consignmentVerdict, result.verdict());
        }
        return new PortVerification(read.consignment().consignment(), consignmentVerdict, now, List.copyOf(results));
    }

    private CodeVerification judge(ScannedCode code, CodeFacts facts, ConsignmentFacts consignment, LocalDate today) {
        SignatureCheck signature = signer.verify(code.link(), code.signature());
        Map<String, CertificateSignatures.Check> certificateChecks = new HashMap<>();
        for (CertificateFact certificate : facts.certificates()) {
            // Only certificates that could make the check pass are worth a signature check.
            if (certificate.validOn(today)) {
                certificateChecks.put(certificate.number(), certificates.check(certificate));
            }
        }
        List<PartnerEvent> captured = facts.batchFound()
                ? partnerEvents.about(code.link().gtin().value(), code.link().lot().value(), code.link().serial().value())
                : List.of();
        Evidence evidence = new Evidence(code, signature, facts, consignment, certificateChecks, today, limits, captured);
        List<CheckResult> checks = new ArrayList<>();
        checks.add(PortRules.wellFormed());
        checks.addAll(PortRules.evaluate(evidence));
        return new CodeVerification(code.text(), code.link().path(), code.link().gtin().value(), code.link().lot().value(),
                code.link().serial().value(), PortVerdict.worstOf(checks), List.copyOf(checks));
    }
}
