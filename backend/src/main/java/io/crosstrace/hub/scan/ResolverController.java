package io.crosstrace.hub.scan;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.scan.activity.ScanRecord;
import io.crosstrace.hub.scan.activity.ScanRecorder;

/**
 * The GS1 Digital Link resolver on the code's own path: browsers get the scan page, clients asking for a
 * linkset get it, {@code ?linkType=} redirects to one link, anything else is redirected to the default
 * link. {@code /scan/…} always answers with the page.
 */
@Controller
class ResolverController {

    static final MediaType LINKSET_JSON = MediaType.parseMediaType("application/linkset+json");

    private final ScanPageService pages;
    private final ScanPageRenderer renderer;
    private final ScanRecorder scans;
    private final String configuredBase;

    ResolverController(ScanPageService pages, ScanPageRenderer renderer, ScanRecorder scans,
            @Value("${crosstrace.resolver.base-url:}") String configuredBase) {
        this.pages = pages;
        this.renderer = renderer;
        this.scans = scans;
        this.configuredBase = configuredBase;
    }

    @RequestMapping(path = {"/01/**", "/414/**"}, method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<?> resolve(HttpServletRequest request) {
        return answer(request, request.getRequestURI().substring(request.getContextPath().length()), false);
    }

    @RequestMapping(path = {"/scan/01/**", "/scan/414/**"}, method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<?> page(HttpServletRequest request) {
        return answer(request, request.getRequestURI().substring(request.getContextPath().length() + "/scan".length()), true);
    }

    @RequestMapping(path = {"/01/**", "/414/**", "/scan/01/**", "/scan/414/**"}, method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Accept, Accept-Language")
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400")
                .build();
    }

    private ResponseEntity<?> answer(HttpServletRequest request, String rawPath, boolean pageOnly) {
        ScanMessages messages = Languages.pick(request);
        String linkType = request.getParameter("linkType");
        boolean wantsLinkset = "linkset".equals(linkType) || accepts(request, LINKSET_JSON);
        boolean wantsHtml = pageOnly || (linkType == null && !wantsLinkset && accepts(request, MediaType.TEXT_HTML));
        String signature = request.getParameter("8030");

        ResolvableKey key;
        try {
            key = ResolvableKey.parse(rawPath);
        } catch (InvalidIdentifierException e) {
            return wantsHtml
                    ? html(HttpStatus.BAD_REQUEST, renderer.badCode(rawPath, e.getMessage(), messages))
                    : problem(HttpStatus.BAD_REQUEST, "Not a valid GS1 Digital Link", e.getMessage());
        }
        Optional<ScanView> found = pages.view(key, signature, messages.chinese());
        if (found.isEmpty()) {
            return wantsHtml
                    ? html(HttpStatus.NOT_FOUND, renderer.notRegistered(key.path(), messages))
                    : problem(HttpStatus.NOT_FOUND, "Not a registered code",
                            key.path() + " is well formed but was not issued by this hub");
        }
        ScanView view = found.get();
        Linkset linkset = Linkset.of(view, base(), messages);
        if (wantsLinkset) {
            return cors(ResponseEntity.ok()).contentType(LINKSET_JSON).header(HttpHeaders.LINK, linkset.linkHeader())
                    .cacheControl(CacheControl.noCache()).body(linkset.toJson());
        }
        if (linkType != null) {
            Optional<Link> link = LinkType.parse(linkType).flatMap(linkset::find);
            return link.<ResponseEntity<?>>map(l -> redirect(l.href(), request))
                    .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No such link",
                            "There is no link of type '" + linkType + "' for " + view.path()));
        }
        if (!wantsHtml) {
            return redirect(linkset.defaultLink().href(), request);
        }
        if (view.level() == ScanView.Level.UNIT && "GET".equals(request.getMethod())) {
            scans.record(new ScanRecord(view.path(), Instant.now(), request.getRemoteAddr(),
                    request.getHeader(HttpHeaders.USER_AGENT), messages.lang(), null, null));
        }
        String notice = request.getParameter("reported") != null ? messages.get("report.thanks") : null;
        return cors(ResponseEntity.ok()).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.LINK, linkset.linkHeader())
                .header(HttpHeaders.VARY, "Accept, Accept-Language")
                .cacheControl(CacheControl.noStore())
                .body(renderer.render(view, messages, signature, notice));
    }

    /** 307 to the link, passing the request's query string on, except {@code linkType} itself. */
    private ResponseEntity<?> redirect(String href, HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("linkType")) {
                for (String value : values) {
                    query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
                }
            }
        });
        int fragment = href.indexOf('#');
        String target = query.isEmpty() ? href
                : fragment < 0 ? href + "?" + query : href.substring(0, fragment) + "?" + query + href.substring(fragment);
        return cors(ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)).location(URI.create(target)).build();
    }

    private String base() {
        return configuredBase.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configuredBase.replaceAll("/+$", "");
    }

    private static boolean accepts(HttpServletRequest request, MediaType type) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(t -> !t.isWildcardType() && t.includes(type) && t.getQualityValue() > 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static ResponseEntity<String> html(HttpStatus status, String body) {
        return cors(ResponseEntity.status(status))
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(body);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return cors(ResponseEntity.status(status)).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity.BodyBuilder cors(ResponseEntity.BodyBuilder builder) {
        return builder.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Link, Location");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
