package io.crosstrace.hub.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import io.crosstrace.hub.webhook.WebhookRejectedException.Reason;

/**
 * Keeps webhooks from being turned against the hub's own network (server-side request forgery): a target
 * is an absolute {@code https:} URL ({@code http:} only when allowed) without user info, whose host resolves
 * to public addresses only, unless private targets are allowed. Checked when a subscription is created and
 * again before every request, because DNS may answer differently later.
 *
 * <p>What it cannot prevent: a host whose DNS answer changes between the check and the JDK client's own
 * lookup a moment later. Redirects are never followed, so a public receiver cannot point the hub elsewhere.
 */
final class TargetUrlGuard {

    static final int MAX_URL_LENGTH = 2048;

    /** Resolves a host name to all its addresses; replaceable so the rules can be tested without DNS. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowPrivateTargets;
    private final HostResolver resolver;

    TargetUrlGuard(boolean allowHttp, boolean allowPrivateTargets) {
        this(allowHttp, allowPrivateTargets, InetAddress::getAllByName);
    }

    TargetUrlGuard(boolean allowHttp, boolean allowPrivateTargets, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    /**
     * The URL as the hub will call it.
     *
     * @throws WebhookRejectedException {@code INVALID_URL} when malformed, {@code URL_NOT_ALLOWED} when the hub
     *                                  may not call it
     */
    URI check(String url) {
        URI uri = wellFormed(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowHttp) {
            throw new WebhookRejectedException(Reason.URL_NOT_ALLOWED, "Webhook URLs use https");
        }
        if (!allowPrivateTargets) {
            refusePrivate(uri.getHost());
        }
        return uri;
    }

    private static URI wellFormed(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new WebhookRejectedException(Reason.INVALID_URL,
                    "A webhook URL is an absolute https URL of at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookRejectedException(Reason.INVALID_URL, "Not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new WebhookRejectedException(Reason.INVALID_URL, "A webhook URL starts with https://");
        }
        if (uri.getRawUserInfo() != null) {
            // Credentials in a URL end up in logs and in every delivery record; receivers verify the signature.
            throw new WebhookRejectedException(Reason.INVALID_URL, "A webhook URL carries no user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new WebhookRejectedException(Reason.INVALID_URL, "A webhook URL names a host");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookRejectedException(Reason.INVALID_URL, "A webhook URL has no #fragment: it is never sent");
        }
        return uri;
    }

    private void refusePrivate(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new WebhookRejectedException(Reason.URL_NOT_ALLOWED, "The host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new WebhookRejectedException(Reason.URL_NOT_ALLOWED,
                        "The host " + host + " is not on the public internet");
            }
        }
    }

    /** False for loopback, link-local (cloud metadata), private, shared, reserved and multicast addresses. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                           // "this network"
                    && !(first == 100 && (second & 0xc0) == 64)           // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second & 0xfe) == 18)           // 198.18.0.0/15 benchmarking
                    && first < 224;                                       // multicast, reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;                 // fc00::/7
            boolean embedsIpv4 = isIpv4Compatible(b) || isNat64(b);
            if (uniqueLocal) {
                return false;
            }
            if (embedsIpv4) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** ::a.b.c.d (deprecated, but still routed by some stacks to the IPv4 address). */
    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** 64:ff9b::/96, the well-known NAT64 prefix, which reaches the embedded IPv4 address. */
    private static boolean isNat64(byte[] b) {
        if (b[0] != 0 || b[1] != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
