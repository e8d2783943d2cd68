package io.crosstrace.hub.webhook;

import org.springframework.stereotype.Component;

/**
 * The webhook properties in force. A running hub keeps the configured ones; tests swap in short backoffs and
 * loopback targets here instead of starting a second application context with other properties.
 */
@Component
class WebhookSettings {

    private volatile WebhookProperties current;

    WebhookSettings(WebhookProperties configured) {
        this.current = configured;
    }

    WebhookProperties current() {
        return current;
    }

    /** Puts other properties in force and returns the ones they replace. */
    WebhookProperties replace(WebhookProperties next) {
        WebhookProperties previous = current;
        current = next;
        return previous;
    }
}
