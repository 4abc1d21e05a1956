package org.frontdoor.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection goes to the address given, while the Host header, TLS SNI and the certificate check use the
 * callback's host name. Real servers on loopback: a TLS one whose certificate (made by keytool for this run) is
 * for {@code webhook.partner.test} only, and a plain one. None of the names used here resolves in any DNS, so a
 * request that arrives proves the name was never looked up.
 */
class PinnedHttpTest {

    static final String NAME = "webhook.partner.test";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    static Vertx vertx;
    static HttpServer tls;
    static HttpServer plain;
    static PinnedHttp client;
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "pinned-http-test"));
        Path store = dir.resolve("partner.p12");
        Path cert = dir.resolve("partner.pem");
        Files.deleteIfExists(store);
        Files.deleteIfExists(cert);
        keytool("-genkeypair", "-alias", "partner", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + NAME, "-ext", "SAN=dns:" + NAME, "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "partner", "-keystore", store.toString(), "-storepass",
                "changeit", "-file", cert.toString());
        vertx = Vertx.vertx();
        tls = listen(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath(store.toString()).setPassword("changeit")));
        plain = listen(new HttpServerOptions());
        client = new PinnedHttp(vertx, new HttpClientOptions()
                .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
    }

    private static HttpServer listen(HttpServerOptions options) throws Exception {
        return vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    seen.add(request.getHeader("Host") + " sni=" + request.connection().indicatedServerName()
                            + " " + request.path() + " " + body);
                    request.response().setStatusCode(204).end();
                }))
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "keytool: " + out);
    }

    @AfterAll
    static void stop() {
        client.close();
        vertx.close();
    }

    @Test
    void overTlsTheAddressIsConnectedToAndTheNameIsCheckedAgainstTheCertificate() throws Exception {
        seen.clear();
        URI url = URI.create("https://" + NAME + ":" + tls.actualPort() + "/hooks?x=1");
        int status = client.post(url, InetAddress.getByName("127.0.0.1"), Map.of("webhook-id", "msg_1"), "{}",
                TIMEOUT, TIMEOUT);
        assertEquals(204, status);
        assertEquals(List.of(NAME + ":" + tls.actualPort() + " sni=" + NAME + " /hooks {}"), seen);
    }

    @Test
    void aCertificateForAnotherNameIsRefusedThoughTheAddressIsTheSame() {
        seen.clear();
        URI url = URI.create("https://elsewhere.partner.test:" + tls.actualPort() + "/hooks");
        Exception e = assertThrows(Exception.class, () -> client.post(url, InetAddress.getByName("127.0.0.1"),
                Map.of(), "{}", TIMEOUT, TIMEOUT));
        assertInstanceOf(SSLException.class, e, "hostname verification: " + e);
        assertTrue(seen.isEmpty(), "no request reached the server: " + seen);
    }

    @Test
    void overPlainHttpTheAddressIsConnectedToWithTheNameAsHost() throws Exception {
        seen.clear();
        URI url = URI.create("http://not-in-any-dns.invalid:" + plain.actualPort() + "/hooks");
        assertEquals(204, client.post(url, InetAddress.getByName("127.0.0.1"), Map.of(), "{\"a\":1}", TIMEOUT,
                TIMEOUT));
        assertEquals(List.of("not-in-any-dns.invalid:" + plain.actualPort() + " sni=null /hooks {\"a\":1}"), seen);
    }
}
