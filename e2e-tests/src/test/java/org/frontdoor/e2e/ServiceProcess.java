package org.frontdoor.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One packaged service as its own OS process: started from its quarkus-run.jar, killed with SIGKILL. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Path log;
    private final int port;
    private final Map<String, String> env = new TreeMap<>();
    private Process process;
    private int starts;

    ServiceProcess(String name, Path jar, Path logDir, Map<String, String> env) {
        this.name = name;
        this.jar = jar;
        this.log = logDir.resolve(name + ".log");
        this.port = freePort();
        this.env.putAll(env);
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // the instance's name, as a pod's is: the outbox relay's lease holder and the Kafka client ids start with it
        this.env.put("HOSTNAME", name);
    }

    /**
     * Another instance of this service, as a second pod: the same jar, database, Kafka and consumer groups, its own
     * port, name ({@code referral-service-2}) and log; with {@code more} environment on top of this one's.
     */
    ServiceProcess replica(int n, Map<String, String> more) {
        Map<String, String> copy = new TreeMap<>(env);
        copy.remove("QUARKUS_HTTP_PORT");
        copy.putAll(more);
        return new ServiceProcess(name + "-" + n, jar, log.getParent(), copy);
    }

    /** More environment for the next start. */
    void putEnv(Map<String, String> more) {
        env.putAll(more);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts it unless it is running: a test that failed mid-restart may have left it down. */
    public synchronized void startIfDown() {
        if (process == null || !process.isAlive()) {
            start();
        }
    }

    public synchronized void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + log.getParent(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.writeString(log, "\n===== start " + (++starts) + " =====\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        try {
            awaitReady(START_TIMEOUT);
        } catch (IllegalStateException e) {
            kill(); // not left running behind a failed start
            throw e;
        }
    }

    /**
     * How long a service may take to start: 90 s, or {@code -De2e.start-timeout=PT5M} on a machine shared with
     * other builds (a start is not what these tests measure).
     */
    private static final Duration START_TIMEOUT = Duration.parse(System.getProperty("e2e.start-timeout", "PT90S"));

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** A clean stop (SIGTERM), as Kubernetes does before it kills. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
