package io.crosstrace.hub.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A partner's webhook endpoint on loopback: records every request and answers with the statuses it is told. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with the time it arrived. */
    record Received(String method, Map<String, List<String>> headers, String body, Instant at) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> all = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;
    private volatile Duration answerDelay = Duration.ZERO;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        // One virtual thread per request: a deliberately slow answer holds up nothing else, nor the JVM's exit.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers the next requests with these statuses, then with the default. */
    WebhookReceiver thenAnswer(int... statuses) {
        for (int status : statuses) {
            nextStatuses.add(status);
        }
        return this;
    }

    WebhookReceiver alwaysAnswer(int status) {
        defaultStatus = status;
        return this;
    }

    /** Takes this long before answering each request. */
    WebhookReceiver answerAfter(Duration delay) {
        answerDelay = delay;
        return this;
    }

    /** The next request, waiting up to {@code timeout}; null when none came. */
    Received next(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    List<Received> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Received request = new Received(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body,
                Instant.now());
        all.add(request);
        received.add(request);
        if (!answerDelay.isZero()) {
            try {
                Thread.sleep(answerDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer status = nextStatuses.poll();
        exchange.sendResponseHeaders(status == null ? defaultStatus : status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
