package org.frontdoor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real main in a child JVM, as ./pipeline does. */
class LocalInfrastructureTest {

    private final Path dataDir = Path.of("target", "local-infra-test").toAbsolutePath();
    private final Path childLog = Path.of("target", "local-infra-test.log").toAbsolutePath();

    @Test
    void startsKeepsDataAcrossARestartAndStopsOnSigterm() throws Exception {
        Support.deleteRecursively(dataDir);
        Files.deleteIfExists(childLog);
        int pgPort = Support.freePort();
        int kafkaPort = Support.freePort();

        Process first = launch(pgPort, kafkaPort);
        try {
            awaitReady(first);
            Map<String, String> env = readEnv();
            assertEquals(List.of("PG_PORT", "PG_USER", "PG_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "JWT_PUBLIC_KEY",
                    "JWT_ISSUER", "SMTP_PORT", "OIDC_ISSUER"), new ArrayList<>(env.keySet()));
            assertEquals(String.valueOf(pgPort), env.get("PG_PORT"));
            assertEquals(String.valueOf(smtpPort), env.get("SMTP_PORT"));
            assertEquals("127.0.0.1:" + kafkaPort, env.get("KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals(dataDir.resolve("keys").resolve("dev-public.pem").toString(), env.get("JWT_PUBLIC_KEY"));
            // the console's identity provider answers discovery at its issuer, and is the APIs' one issuer
            String issuer = env.get("OIDC_ISSUER");
            assertEquals("http://localhost:" + oidcPort + "/frontdoor", issuer);
            assertEquals(issuer, env.get("JWT_ISSUER"));
            // it signs with the development key the services verify with (./pipeline token signs with it too)
            java.net.http.HttpResponse<String> jwks = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(issuer + "/jwks")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            java.security.interfaces.RSAPublicKey devKey = (java.security.interfaces.RSAPublicKey) DevKeys
                    .loadOrCreate(dataDir.resolve("keys")).publicKey();
            assertTrue(jwks.body().contains(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    stripSign(devKey.getModulus().toByteArray()))), "the provider's JWKS holds the development key");
            java.net.http.HttpResponse<String> discovery = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(issuer
                            + "/.well-known/openid-configuration")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, discovery.statusCode());
            assertTrue(discovery.body().contains("\"S256\""), "PKCE with S256");
            try (Connection c = connect(pgPort, "referral"); Statement s = c.createStatement()) {
                s.execute("create table kept (id int)");
                s.execute("insert into kept values (7)");
                // durable: an answered 201 survives a power cut (the embedded server's defaults would not)
                for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                    try (java.sql.ResultSet rs = s.executeQuery("show " + setting)) {
                        rs.next();
                        assertEquals("on", rs.getString(1), setting);
                    }
                }
            }
            KafkaServerTest.send(env.get("KAFKA_BOOTSTRAP_SERVERS"), "referral-events", "r-1", "received");
        } finally {
            stop(first);
        }
        assertEquals(143, first.exitValue()); // 128 + SIGTERM, after the hook ran

        Process second = launch(pgPort, kafkaPort);
        try {
            awaitReady(second);
            for (String db : LocalInfrastructure.DATABASES) {
                try (Connection c = connect(pgPort, db)) {
                    assertTrue(c.isValid(5));
                }
            }
            try (Connection c = connect(pgPort, "referral"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select id from kept")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
            var records = KafkaServerTest.readAll("127.0.0.1:" + kafkaPort, "referral-events", 1);
            assertEquals(1, records.size());
            assertEquals("r-1", records.get(0).key());
        } finally {
            stop(second);
            Support.deleteRecursively(dataDir);
        }
    }

    @Test
    void aTakenPortExitsWith3AndSaysWhichOptionToUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = launch(taken.getLocalPort(), Support.freePort());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, p.exitValue(), stderr);
            assertTrue(stderr.contains("port " + taken.getLocalPort() + " is already in use"), stderr);
            assertTrue(stderr.contains("--pg-port"), stderr);
            assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            Support.deleteRecursively(dataDir.resolveSibling("local-infra-busy"));
        }
    }

    /** Not the default 13025, which a running ./pipeline holds. */
    private final int smtpPort = Support.freePort();
    private final int oidcPort = Support.freePort();

    private Process launch(int pgPort, int kafkaPort) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path dir = pgPort > 0 && Support.portFree(pgPort) ? dataDir : dataDir.resolveSibling("local-infra-busy");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Path.of("target", "tmp").toAbsolutePath(),
                "-cp", classpath, LocalInfrastructure.class.getName(),
                "--data-dir", dir.toString(), "--pg-port", String.valueOf(pgPort),
                "--kafka-port", String.valueOf(kafkaPort), "--smtp-port", String.valueOf(smtpPort),
                "--oidc-port", String.valueOf(oidcPort));
        if (dir.equals(dataDir)) {
            // its log goes to a file, keeping the build output short
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(childLog.toFile())).start();
        }
        return new ProcessBuilder(command).start();
    }

    private void awaitReady(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals(LocalInfrastructure.READY, line, () -> "first stdout line; child log:\n" + childLogText());
    }

    private String childLogText() {
        try {
            return Files.readString(childLog);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("LocalInfrastructure did not stop within 60 s of SIGTERM");
        }
    }

    private Map<String, String> readEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dataDir.resolve("infra.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private static Connection connect(int port, String db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + db, "postgres", "postgres");
    }

    /** A JWK's modulus is unsigned: BigInteger's leading zero byte dropped. */
    private static byte[] stripSign(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
