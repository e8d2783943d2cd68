package io.crosstrace.hub.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.RegistryService;

/** GraphQL reads of certificates, and the certificate fields of batches and premises. */
@Controller
class CertificateGraphQlController {

    private final CertificateService certificates;
    private final RegistryService registry;

    CertificateGraphQlController(CertificateService certificates, RegistryService registry) {
        this.certificates = certificates;
        this.registry = registry;
    }

    @QueryMapping
    Certificate certificate(@Argument String number) {
        return certificates.certificate(number).orElse(null);
    }

    @QueryMapping
    Connection<Certificate> certificates(@Argument String status, @Argument String kind, @Argument String issuer,
            @Argument LocalDate validOn, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        String issuerGln = issuer == null ? null : GlobalId.keyOf(issuer, Organization.TYPE);
        return certificates.certificates(status, kind, issuerGln, validOn, PageRequest.of(first, after),
                Selections.wantsTotalCount(env));
    }

    @BatchMapping(typeName = "Certificate", field = "issuer")
    Map<Certificate, Organization> issuer(List<Certificate> list) {
        return Links.one(list, Certificate::issuerGln, registry::organizationsByGln);
    }

    @BatchMapping(typeName = "Batch", field = "certificates")
    Map<Batch, List<Certificate>> batchCertificates(List<Batch> batches) {
        return Links.many(batches, Batch::key, certificates::certificatesOfBatches);
    }

    @BatchMapping(typeName = "Premises", field = "certificates")
    Map<Premises, List<Certificate>> premisesCertificates(List<Premises> premises) {
        return Links.many(premises, Premises::gln, certificates::certificatesOfPremises);
    }

    @Bean
    NodeFetcher certificateNodes(CertificateService certificates) {
        return NodeFetcher.of(Certificate.TYPE, certificates::certificatesByNumber);
    }
}
