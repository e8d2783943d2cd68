package io.crosstrace.hub.certificate;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.certificate.CertificateIssuingService.CertificateIssueInput;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;

/** Issuing and revoking certificates, and checking their signatures, over GraphQL. */
@Controller
class CertificateWorkflowGraphQlController {

    record CertificatePayload(Certificate certificate, List<UserError> userErrors) {
        static CertificatePayload of(Outcome<Certificate> outcome) {
            return new CertificatePayload(outcome.value(), outcome.userErrors());
        }
    }

    record CertificateRevokeInput(String certificate, String reason) {
    }

    private final CertificateIssuingService issuing;
    private final CertificateSignatures signatures;

    CertificateWorkflowGraphQlController(CertificateIssuingService issuing, CertificateSignatures signatures) {
        this.issuing = issuing;
        this.signatures = signatures;
    }

    @MutationMapping
    CertificatePayload certificateIssue(@Argument CertificateIssueInput input) {
        return CertificatePayload.of(issuing.issue(input));
    }

    @MutationMapping
    CertificatePayload certificateRevoke(@Argument CertificateRevokeInput input) {
        String number;
        try {
            number = Rules.key(input.certificate(), Certificate.TYPE, "certificate");
        } catch (MutationRejected e) {
            return new CertificatePayload(null, e.errors());
        }
        return CertificatePayload.of(issuing.revoke(number, input.reason()));
    }

    @SchemaMapping(typeName = "Certificate", field = "signatureCheck")
    CertificateSignatures.Check signatureCheck(Certificate certificate) {
        return signatures.verify(certificate.number()).orElse(CertificateSignatures.Check.INVALID);
    }
}
