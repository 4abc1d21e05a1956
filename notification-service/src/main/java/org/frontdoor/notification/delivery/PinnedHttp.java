package org.frontdoor.notification.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP client that connects to an address given with the request, never to what the URL's host resolves to:
 * the TCP connection goes to {@code address}, while the {@code Host} header, TLS SNI and the check of the
 * server's certificate (hostname verification) use the URL's host name. So the address a guard approved is the
 * one connected to, and a name cannot answer one address to the check and another to the connect.
 *
 * <p>Vert.x's client (the one Quarkus runs on) takes the server's address apart from the request's host
 * ({@link RequestOptions#setServer}); the JDK's HttpClient on Java 17 resolves the name itself. Redirects are
 * never followed.
 */
public final class PinnedHttp implements AutoCloseable {

    private final HttpClient client;

    /**
     * {@code options}: TLS trust (the JVM's by default) and timeouts; hostname verification stays on. Connections
     * are not kept alive: each request connects afresh to the address it was given, and carries nothing of an
     * earlier request's connection (a pooled one could have been closed by the partner meanwhile).
     */
    public PinnedHttp(Vertx vertx, HttpClientOptions options) {
        this.client = vertx.createHttpClient(new HttpClientOptions(options).setVerifyHost(true).setKeepAlive(false));
    }

    /**
     * POSTs {@code body} to {@code url}, connecting to {@code address}; waits at most {@code timeout} for the
     * answer and returns its status. Fails with the cause as Vert.x and Netty give it: a
     * {@link java.net.ConnectException} when nothing answers at the address, a {@link TimeoutException} when the
     * answer does not come in time, an {@link javax.net.ssl.SSLException} when the certificate is not for the host.
     */
    public int post(URI url, InetAddress address, Map<String, String> headers, String body, Duration connectTimeout,
            Duration timeout) throws Exception {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // the resolved address: Vert.x connects here and resolves nothing
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        try {
            return client.request(request)
                    .compose(r -> r.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(connectTimeout.plus(timeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
