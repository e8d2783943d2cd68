package io.crosstrace.hub.scan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.certificate.CertificateService;
import io.crosstrace.hub.certificate.CertificateSignatures;

/**
 * The resolver's description ({@code /.well-known/gs1resolver}), the verification service a linkset
 * points to, and the certificate page the scan page links to.
 */
@RestController
class ResolverInfoController {

    private final ScanPageService pages;
    private final CertificateService certificates;
    private final CertificateSignatures signatures;
    private final String configuredBase;

    ResolverInfoController(ScanPageService pages, CertificateService certificates, CertificateSignatures signatures,
            @Value("${crosstrace.resolver.base-url:}") String configuredBase) {
        this.pages = pages;
        this.certificates = certificates;
        this.signatures = signatures;
        this.configuredBase = configuredBase;
    }

    @GetMapping("/.well-known/gs1resolver")
    ResponseEntity<Map<String, Object>> description() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "CrossTrace traceability resolver");
        body.put("resolverRoot", base());
        body.put("supportedPrimaryKeys", List.of("01", "414"));
        body.put("supportedLinkType", Arrays.stream(LinkType.values())
                .map(t -> Map.of("namespace", LinkType.VOCABULARY, "prefix", "gs1:", "profile", t.curie()))
                .toList());
        body.put("linkTypeDefaultCanBeLinkset", true);
        body.put("supportedLanguages", List.of("zh-CN", "en"));
        body.put("codeSigningKeys", base() + "/.well-known/crosstrace-code-keys.json");
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(body);
    }

    /** Whether a unit code is registered and its signature verifies: the link type gs1:verificationService. */
    @RequestMapping(path = "/api/verify/01/**", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<?> verify(HttpServletRequest request) {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length() + "/api/verify".length());
        ResolvableKey key;
        try {
            key = ResolvableKey.parse(rawPath);
        } catch (io.crosstrace.gs1.InvalidIdentifierException e) {
            return ResolverController.problem(HttpStatus.BAD_REQUEST, "Not a valid GS1 Digital Link", e.getMessage());
        }
        Optional<ScanView> view = pages.view(key, request.getParameter("8030"), false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", key.path());
        body.put("registered", view.isPresent());
        view.ifPresent(v -> {
            body.put("verdict", v.verdict().name());
            body.put("signature", v.signature() == null ? null : v.signature().name());
            body.put("warnings", v.warnings());
        });
        if (view.isEmpty()) {
            body.put("verdict", "NOT_REGISTERED");
        }
        return ResponseEntity.status(view.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").cacheControl(CacheControl.noStore()).body(body);
    }

    /** A certificate's standing as the register knows it, for the scan page's "verify" link. */
    @GetMapping("/certificates/{number}")
    ResponseEntity<String> certificate(@PathVariable String number, HttpServletRequest request) {
        ScanMessages m = Languages.pick(request);
        Optional<Certificate> found = number.length() > 100 ? Optional.empty() : certificates.certificate(number);
        if (found.isEmpty()) {
            return ResolverController.html(HttpStatus.NOT_FOUND, CertificatePage.notFound(number, m));
        }
        CertificateSignatures.Check signature = signatures.verify(number).orElse(CertificateSignatures.Check.INVALID);
        return ResolverController.html(HttpStatus.OK, CertificatePage.render(found.get(), pages.issuerName(found.get()),
                signature.name(), m));
    }

    private String base() {
        return configuredBase.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configuredBase.replaceAll("/+$", "");
    }
}
