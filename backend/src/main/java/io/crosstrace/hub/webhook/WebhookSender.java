package io.crosstrace.hub.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one delivery: a signed JSON POST with the JDK's HTTP client. Only the status line counts; the body of
 * the answer is never read, so a receiver that streams an endless answer costs nothing.
 */
class WebhookSender implements AutoCloseable {

    static final String EVENT_HEADER = "X-CrossTrace-Event";
    static final String DELIVERY_HEADER = "X-CrossTrace-Delivery";
    static final String USER_AGENT = "CrossTrace-Webhooks/1";

    private final HttpClient client;
    private final Clock clock;

    WebhookSender(Duration connectTimeout, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // A redirect would lead past the target check, to wherever the receiver points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.clock = clock;
    }

    /**
     * Posts the delivery to {@code target}, which the caller has checked. A failed request is an outcome, not an
     * exception.
     *
     * @throws InterruptedException the hub is stopping: the attempt is abandoned, not failed
     */
    AttemptOutcome send(ClaimedDelivery delivery, URI target, Duration requestTimeout) throws InterruptedException {
        Instant at = clock.instant();
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(EVENT_HEADER, delivery.type())
                .header(DELIVERY_HEADER, delivery.id())
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), at, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // Closing unread gives the connection up rather than draining whatever the receiver sends.
            response.body().close();
            return AttemptOutcome.answered(at, response.statusCode(), since(started));
        } catch (IOException | RuntimeException e) {
            return AttemptOutcome.failed(at, describe(e), since(started));
        }
    }

    /** Names the failure without the stack trace: partners read it in their delivery list. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
