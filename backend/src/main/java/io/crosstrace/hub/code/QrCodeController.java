package io.crosstrace.hub.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NotFoundException;

/**
 * QR codes of issued unit codes: {@code /api/codes/qr.png} and {@code /api/codes/qr.svg}, encoding the signed
 * URI on this hub's resolver. Only codes the hub issued are drawn, so the endpoint cannot be used to obtain
 * signatures for invented serials.
 */
@RestController
@RequestMapping("/api/codes")
class QrCodeController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

    private final CodeSigner signer;
    private final QrCodeRenderer renderer;
    private final IssuedCodeReads reads;
    private final ResolverBaseUrl resolverBase;

    QrCodeController(CodeSigner signer, QrCodeRenderer renderer, IssuedCodeReads reads, ResolverBaseUrl resolverBase) {
        this.signer = signer;
        this.renderer = renderer;
        this.reads = reads;
        this.resolverBase = resolverBase;
    }

    @GetMapping("/qr.png")
    ResponseEntity<byte[]> png(@RequestParam(required = false) String uri, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String ecc, @RequestParam(required = false) Integer margin,
            HttpServletRequest request, WebRequest webRequest) {
        QrOptions options = QrOptions.of(size, ecc, margin);
        String signedUri = signedUriOf(uri, request);
        String etag = etag("png", signedUri, options);
        if (webRequest.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CACHING).eTag(etag)
                .body(renderer.png(signedUri, options));
    }

    @GetMapping("/qr.svg")
    ResponseEntity<String> svg(@RequestParam(required = false) String uri, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String ecc, @RequestParam(required = false) Integer margin,
            HttpServletRequest request, WebRequest webRequest) {
        QrOptions options = QrOptions.of(size, ecc, margin);
        String signedUri = signedUriOf(uri, request);
        String etag = etag("svg", signedUri, options);
        if (webRequest.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().contentType(SVG).cacheControl(CACHING).eTag(etag)
                .body(renderer.svg(signedUri, options));
    }

    private String signedUriOf(String uri, HttpServletRequest request) {
        if (uri == null || uri.isBlank()) {
            throw new BadInputException("The 'uri' parameter (a unit's GS1 Digital Link) is required");
        }
        DigitalLink link = DigitalLink.parse(uri);
        if (!link.isUnitLevel()) {
            throw new BadInputException("A unit code names a GTIN, a lot and a serial: " + link.path());
        }
        if (!reads.isIssued(link)) {
            throw new NotFoundException(link.path() + " is well formed but was not issued by this hub");
        }
        return signer.signedUri(link, resolverBase.of(request));
    }

    /** The image is a pure function of the signed URI and the options; the signing key is part of the URI. */
    private static String etag(String format, String signedUri, QrOptions options) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((format + "|" + options.size() + "|"
                    + options.errorCorrection() + "|" + options.quietZone() + "|" + signedUri).getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ExceptionHandler({InvalidIdentifierException.class, BadInputException.class})
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Not a unit code or not valid options", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Not valid options", "'" + e.getName() + "' must be a whole number");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not a registered code", e.getMessage());
    }
}
