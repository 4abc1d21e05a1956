package org.frontdoor.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run inside this JVM.
 * <p>
 * Tests use {@link #shared()}: one broker per JVM on free ports with fresh logs under {@code target/embedded-kafka},
 * stopped by a shutdown hook. The local run uses {@link #start(Path, int, boolean)} with a fixed port and logs kept
 * across restarts. Only a PLAINTEXT listener on 127.0.0.1; the controller listener uses a free port.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaServer.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** See {@link PostgresServer}: lets every class loader in the JVM share one broker. */
    static final String SHARED_BOOTSTRAP_PROPERTY = "frontdoor.testsupport.kafka.bootstrap";
    private static final Object JVM_LOCK = "org.frontdoor.testsupport.KafkaServer.shared";

    private static KafkaServer shared;

    private final KafkaRaftServer server; // null when attached to a broker owned by another class loader
    private final String bootstrapServers;
    private final Path logDir;
    private final boolean keepData;
    private boolean closed;

    private KafkaServer(KafkaRaftServer server, String bootstrapServers, Path logDir, boolean keepData) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.keepData = keepData;
    }

    /** The per-JVM test broker (started on first use, on free ports, with fresh logs). */
    public static synchronized KafkaServer shared() {
        synchronized (JVM_LOCK) {
            if (shared != null) {
                return shared;
            }
            String published = System.getProperty(SHARED_BOOTSTRAP_PROPERTY);
            if (published != null) {
                shared = new KafkaServer(null, published, null, true);
                return shared;
            }
            Path base = Support.userDirTarget("embedded-kafka");
            String prefix = "kafka-";
            Support.deleteStaleSiblings(base, prefix);
            KafkaServer server = launch(base.resolve(prefix + ProcessHandle.current().pid()), Support.freePort(), false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-kafka-shutdown"));
            System.setProperty(SHARED_BOOTSTRAP_PROPERTY, server.bootstrapServers());
            shared = server;
            return shared;
        }
    }

    /**
     * Starts a broker whose PLAINTEXT listener is on {@code 127.0.0.1:port}. With {@code keepData} the log
     * directory is formatted only the first time and survives {@link #close()}; without it, it is wiped.
     *
     * @throws PortInUseException if {@code port} is taken
     */
    public static KafkaServer start(Path logDir, int port, boolean keepData) {
        if (!Support.portFree(port)) {
            throw new PortInUseException(port, "Kafka wanted it; is another local run or Kafka broker running?");
        }
        return launch(logDir.toAbsolutePath().normalize(), port, keepData);
    }

    private static KafkaServer launch(Path logDir, int port, boolean keepData) {
        Support.quietServerLogs();
        long started = System.nanoTime();
        if (!keepData) {
            Support.deleteRecursively(logDir);
        }
        int controllerPort = Support.freePort();
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, port, controllerPort), false);
        boolean existing = Files.exists(logDir.resolve("meta.properties"));
        try {
            Files.createDirectories(logDir);
            if (!existing) {
                format(config, logDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Kafka log dir " + logDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = "127.0.0.1:" + port;
        try {
            server.startup();
            awaitReady(bootstrap);
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Kafka did not start on port " + port + ": " + e.getMessage(), e);
        }
        LOG.infof("Kafka started on %s in %d ms (%s logs in %s)", bootstrap,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), existing ? "existing" : "new", logDir);
        return new KafkaServer(server, bootstrap, logDir, keepData);
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // static quorum: the voter set comes from config, so the controller port may change between restarts
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // single node
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        // small footprint on a 2-core machine
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("auto.leader.rebalance.enable", "false");
        return p;
    }

    private static void format(KafkaConfig config, Path logDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + ": " + e.getMessage()
                    + " " + out.toString(StandardCharsets.UTF_8), e);
        }
    }

    /** startup() returns before the broker is unfenced; wait until it serves metadata. */
    private static void awaitReady(String bootstrap) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin(bootstrap)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("broker not ready after " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "frontdoor-test-support"));
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics (replication factor 1) unless they exist already. */
    public void createTopics(int partitions, String... names) {
        if (names.length == 0) {
            return;
        }
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(LocalInfrastructure.newTopic(name, partitions));
        }
        try (Admin admin = admin(bootstrapServers)) {
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out creating topics", e);
        }
    }

    /** Shuts the broker down cleanly and waits for it; a no-op for an attached handle or when already stopped. */
    @Override
    public synchronized void close() {
        if (closed || server == null) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
            LOG.infof("Kafka on %s stopped in %d ms", bootstrapServers,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            if (!keepData) {
                try {
                    Support.deleteRecursively(logDir);
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        }
    }

    @Override
    public String toString() {
        return "KafkaServer[" + bootstrapServers + "]";
    }
}
