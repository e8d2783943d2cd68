package io.crosstrace.hub.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links a resolved key offers, built from what the hub knows about it: a link type appears only
 * when its resource has something to show. Exactly one link is the default (the product information page).
 */
final class Linkset {

    private final String anchor;
    private final List<Link> links;

    private Linkset(String anchor, List<Link> links) {
        this.anchor = anchor;
        this.links = links;
    }

    static Linkset of(ScanView view, String base, ScanMessages m) {
        String page = base + "/scan" + view.path();
        List<Link> links = new ArrayList<>();
        links.add(new Link(LinkType.PIP, page, LinkType.PIP.title(m.chinese()), true));
        if (!view.certificates().isEmpty()) {
            links.add(new Link(LinkType.CERTIFICATION_INFO, page + "#certificates", LinkType.CERTIFICATION_INFO.title(m.chinese()), false));
        }
        if (!view.journey().isEmpty()) {
            links.add(new Link(LinkType.TRACEABILITY, page + "#journey", LinkType.TRACEABILITY.title(m.chinese()), false));
        }
        if (view.batch() != null) {
            links.add(new Link(LinkType.RECALL_STATUS, page + "#status", LinkType.RECALL_STATUS.title(m.chinese()), false));
        }
        if (view.level() == ScanView.Level.UNIT) {
            links.add(new Link(LinkType.VERIFICATION_SERVICE, base + "/api/verify" + view.path(),
                    LinkType.VERIFICATION_SERVICE.title(m.chinese()), false));
        }
        return new Linkset(base + view.path(), List.copyOf(links));
    }

    Optional<Link> find(LinkType type) {
        return links.stream().filter(l -> l.type() == type).findFirst();
    }

    Link defaultLink() {
        return links.stream().filter(Link::isDefault).findFirst().orElseThrow();
    }

    /** RFC 9264 JSON: one context object, link relation types as GS1 vocabulary URIs. */
    Map<String, Object> toJson() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("anchor", anchor);
        for (Link link : links) {
            context.put(link.type().uri(), List.of(target(link)));
        }
        context.put(LinkType.VOCABULARY + "defaultLink", List.of(target(defaultLink())));
        return Map.of("linkset", List.of(context));
    }

    /** The HTTP {@code Link} header pointing at the linkset of this key. */
    String linkHeader() {
        return "<" + anchor + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
    }

    private static Map<String, Object> target(Link link) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("href", link.href());
        target.put("title", link.title());
        target.put("type", link.type() == LinkType.VERIFICATION_SERVICE ? "application/json" : "text/html");
        target.put("hreflang", List.of("zh-CN", "en"));
        return target;
    }
}
