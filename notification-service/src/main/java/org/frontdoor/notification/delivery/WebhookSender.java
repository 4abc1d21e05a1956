package org.frontdoor.notification.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.frontdoor.notification.config.NotificationConfig;

/**
 * POSTs a signed webhook to a partner's callback, with short timeouts. Never follows a redirect: a 3xx is a
 * failed attempt, or a callback could send us on to an address the guard would have refused.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    NotificationConfig config;

    @Inject
    CallbackAddressGuard guard;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .connectTimeout(config.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        // again just before connecting: the name may resolve elsewhere than at registration
        Optional<String> refused = guard.refusalBeforeConnect(uri);
        if (refused.isPresent()) {
            return new Result(false, refused.get());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.webhook().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "frontdoor-notification/1.0")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", WebhookSigner.signatures(secrets, webhookId, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result(true, null);
            }
            if (status >= 300 && status < 400) {
                return new Result(false, "HTTP " + status + " from the partner's endpoint (redirects are not followed)");
            }
            return new Result(false, "HTTP " + status + " from the partner's endpoint");
        } catch (HttpTimeoutException e) {
            return new Result(false, "the partner's endpoint did not answer in time");
        } catch (ConnectException e) {
            return new Result(false, "could not connect to the partner's endpoint");
        } catch (IOException e) {
            return new Result(false, "could not reach the partner's endpoint (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted while sending");
        }
    }
}
