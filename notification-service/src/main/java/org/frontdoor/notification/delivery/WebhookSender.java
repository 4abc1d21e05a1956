package org.frontdoor.notification.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.frontdoor.notification.config.NotificationConfig;

/**
 * POSTs a signed webhook to a partner's callback, with short timeouts. Never follows a redirect: a 3xx is a
 * failed attempt, or a callback could send us on to an address the guard would have refused. Connects to the
 * address the guard approved ({@link CallbackAddressGuard#targetBeforeConnect}), not to a second resolution of the
 * name ({@link PinnedHttp}).
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    NotificationConfig config;

    @Inject
    CallbackAddressGuard guard;

    @Inject
    Vertx vertx;

    private PinnedHttp client;

    @PostConstruct
    void init() {
        client = new PinnedHttp(vertx, new HttpClientOptions()
                .setConnectTimeout((int) config.webhook().connectTimeout().toMillis()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The outcome of one attempt; {@code error} says why it failed, in words safe to log and show ops. */
    public record Result(boolean delivered, String error) {
    }

    /**
     * One attempt. {@code secrets}: the current secret first, then during a rotation's overlap the previous one;
     * each adds a {@code v1,} signature, and a partner's library accepts the message when any of them verifies.
     */
    public Result post(String callbackUrl, List<String> secrets, String webhookId, long timestampSeconds,
            String body) {
        URI uri = URI.create(callbackUrl);
        // resolved once, again just before connecting (the name may resolve elsewhere than at registration), and
        // connected to at exactly that address
        CallbackAddressGuard.Target target = guard.targetBeforeConnect(uri);
        if (target.refusal() != null) {
            return new Result(false, target.refusal());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "frontdoor-notification/1.0");
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(timestampSeconds));
        headers.put("webhook-signature", WebhookSigner.signatures(secrets, webhookId, timestampSeconds, body));
        int status;
        try {
            status = client.post(uri, target.address(), headers, body, config.webhook().connectTimeout(),
                    config.webhook().requestTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted while sending");
        } catch (Exception e) {
            return new Result(false, failure(e));
        }
        if (status >= 200 && status < 300) {
            return new Result(true, null);
        }
        if (status >= 300 && status < 400) {
            return new Result(false, "HTTP " + status + " from the partner's endpoint (redirects are not followed)");
        }
        return new Result(false, "HTTP " + status + " from the partner's endpoint");
    }

    /** Why an attempt failed, in words: never the exception's message, which may name internal addresses. */
    private static String failure(Exception e) {
        if (e instanceof TimeoutException) {
            return "the partner's endpoint did not answer in time";
        }
        if (e instanceof ConnectException) {
            return "could not connect to the partner's endpoint";
        }
        if (e instanceof SSLException) {
            return "the partner's endpoint failed the TLS handshake (its certificate is not valid for the host)";
        }
        return "could not reach the partner's endpoint (" + e.getClass().getSimpleName() + ")";
    }
}
