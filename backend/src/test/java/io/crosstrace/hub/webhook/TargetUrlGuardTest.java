package io.crosstrace.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.crosstrace.hub.webhook.WebhookRejectedException.Reason;

class TargetUrlGuardTest {

    /** Names resolved without DNS, so the rules are tested, not the network. */
    private static final Map<String, String> DNS = Map.of(
            "partner.example", "203.0.113.10",
            "metadata.example", "169.254.169.254",
            "intranet.example", "10.1.2.3");

    private final TargetUrlGuard strict = new TargetUrlGuard(false, false, TargetUrlGuardTest::resolve);

    @Test
    void accepts_https_on_a_public_host() {
        assertThat(strict.check("https://partner.example/hooks/crosstrace?x=1")).hasToString(
                "https://partner.example/hooks/crosstrace?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/", "https://169.254.169.254/latest/meta-data/",
            "https://metadata.example/", "https://127.0.0.1/", "https://localhost/", "https://10.0.0.8/",
            "https://172.16.4.4/", "https://192.168.1.1/", "https://100.64.0.1/", "https://0.0.0.0/",
            "https://[::1]/", "https://[fe80::1]/", "https://[fd00::1]/", "https://[::ffff:127.0.0.1]/",
            "https://[64:ff9b::a00:1]/", "https://intranet.example/", "https://224.0.0.1/"})
    void refuses_targets_that_are_not_on_the_public_internet(String url) {
        TargetUrlGuard httpAllowed = new TargetUrlGuard(true, false, TargetUrlGuardTest::resolve);
        assertThatThrownBy(() -> httpAllowed.check(url)).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.URL_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://partner.example/", "gopher://partner.example/",
            "jar:file:/x.jar!/", "partner.example/hook", "/relative", "https://user:pw@partner.example/",
            "https://partner.example/#frag", "https:///nohost", "not a url", ""})
    void refuses_what_is_not_an_https_url(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_URL));
    }

    @Test
    void refuses_plain_http_unless_allowed() {
        assertThatThrownBy(() -> strict.check("http://partner.example/")).isInstanceOfSatisfying(
                WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.URL_NOT_ALLOWED));
        assertThat(new TargetUrlGuard(true, false, TargetUrlGuardTest::resolve).check("http://partner.example/"))
                .hasToString("http://partner.example/");
    }

    @Test
    void refuses_an_unresolvable_host() {
        assertThatThrownBy(() -> strict.check("https://nowhere.example/")).isInstanceOfSatisfying(
                WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.URL_NOT_ALLOWED));
    }

    @Test
    void private_targets_pass_only_when_allowed() {
        TargetUrlGuard development = new TargetUrlGuard(true, true, TargetUrlGuardTest::resolve);
        assertThat(development.check("http://127.0.0.1:8089/hook")).hasToString("http://127.0.0.1:8089/hook");
        assertThat(development.check("http://169.254.169.254/")).hasToString("http://169.254.169.254/");
        // Still a URL: other schemes and user info stay refused.
        assertThatThrownBy(() -> development.check("file:///etc/passwd")).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> development.check("http://a:b@127.0.0.1/")).isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void the_default_guard_resolves_ip_literals_itself() {
        TargetUrlGuard real = new TargetUrlGuard(true, false);
        assertThatThrownBy(() -> real.check("http://169.254.169.254/")).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> real.check("http://[::1]:8080/")).isInstanceOf(WebhookRejectedException.class);
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String literal = DNS.get(host);
        if (literal != null) {
            return new InetAddress[] {InetAddress.getByName(literal)};
        }
        if (host.equals("localhost")) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        if (Character.digit(host.charAt(0), 16) >= 0 || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)}; // an IP literal: no lookup
        }
        throw new UnknownHostException(host);
    }
}
