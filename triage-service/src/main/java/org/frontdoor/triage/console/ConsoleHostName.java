package org.frontdoor.triage.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.frontdoor.triage.config.TriageConfig;

/**
 * The console on its one host name (frontdoor.triage.console.host-name): a page asked for on another, e.g.
 * {@code http://127.0.0.1:8082/console} where the console is {@code http://localhost:8082/console}, is redirected
 * there, same port and path, before sign-in starts. Signing in on the other name loops back to the sign-in page: the
 * session's cookie (SameSite=Strict) is set on the identity provider's return, a cross-site navigation when the
 * console's host name is not the provider's site, so the browser does not send it on the next page.
 */
@ApplicationScoped
public class ConsoleHostName {

    /** Before the sign-in's handlers (authentication runs at order -150). */
    static final int ORDER = -500;

    void route(@Observes Router router, TriageConfig config) {
        config.console().hostName().filter(h -> !h.isBlank()).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .ifPresent(name -> router.routeWithRegex("/console(/.*)?").order(ORDER).handler(rc -> {
                    String host = rc.request().authority() == null ? null : rc.request().authority().host();
                    HttpMethod method = rc.request().method();
                    if (host == null || name.equals(host.toLowerCase(Locale.ROOT))
                            || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
                        rc.next();
                        return;
                    }
                    rc.response().setStatusCode(302).putHeader("Location", elsewhere(rc.request().scheme(), name,
                            rc.request().authority().port(), rc.request().uri())).end();
                }));
    }

    /** The same page on the console's host name: {@code http://localhost:8082/console/queue?x=1}. */
    static String elsewhere(String scheme, String hostName, int port, String uri) {
        return scheme + "://" + hostName + (port > 0 ? ":" + port : "") + uri;
    }
}
