package org.frontdoor.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A partner's webhook endpoint for tests: a real HTTP server on a free loopback port that records every
 * request (headers and exact body bytes) and answers with scripted statuses, e.g. 500 once and then 200.
 * <pre>
 * try (WebhookReceiver partner = WebhookReceiver.start()) {
 *     partner.answerNext(500);              // the next request fails; later ones get the default 200
 *     ... partner.url() ... partner.requests() ...
 * }
 * </pre>
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as the partner's server saw it; header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers, String body, int answeredWith) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private volatile int defaultStatus = 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on 127.0.0.1 and a free port, answering 200 until told otherwise. */
    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the webhook receiver", e);
        }
    }

    /** The callback URL of this receiver, e.g. {@code http://127.0.0.1:40123/hooks/frontdoor}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/frontdoor";
    }

    /** The next requests are answered with these statuses, in order; then the default again. */
    public WebhookReceiver answerNext(int... statuses) {
        for (int status : statuses) {
            script.addLast(status);
        }
        return this;
    }

    /** The status for every request not covered by {@link #answerNext}. */
    public WebhookReceiver answerAlways(int status) {
        defaultStatus = status;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose body contains this text (e.g. a referral id). */
    public List<Request> requestsWith(String text) {
        return requests(r -> r.body().contains(text));
    }

    public List<Request> requests(Predicate<Request> filter) {
        List<Request> matching = new ArrayList<>();
        for (Request r : requests) {
            if (filter.test(r)) {
                matching.add(r);
            }
        }
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Integer scripted = script.pollFirst();
        int status = scripted != null ? scripted : defaultStatus;
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                new String(body, StandardCharsets.UTF_8), status));
        byte[] answer = (status < 300 ? "{\"received\":true}" : "{\"error\":\"scripted failure\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
