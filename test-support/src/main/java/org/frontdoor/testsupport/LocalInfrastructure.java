package org.frontdoor.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * The local run's infrastructure in one process: PostgreSQL (databases {@code referral}, {@code triage},
 * {@code notification}), a Kafka broker (topics {@code referral-events}, {@code referral-notices},
 * {@code triage-events}, {@code notification-events}, 3 partitions each) and the development JWT keys, all kept under a data directory so
 * a restart keeps the data. Writes {@code DIR/infra.env}, prints {@code INFRASTRUCTURE READY} on stdout, then runs
 * until SIGTERM/SIGINT, when it stops Kafka and then PostgreSQL cleanly.
 * <p>
 * {@code LocalInfrastructure [--data-dir DIR] [--pg-port N] [--kafka-port N]} (defaults {@code .local}, 15432, 19092).
 * Exit codes: 2 bad arguments, 3 a port or the data directory is in use, 1 anything else.
 */
public final class LocalInfrastructure {

    static {
        // must happen before anything touches java.util.logging, so all logging goes through one JBoss LogManager
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    public static final String READY = "INFRASTRUCTURE READY";
    public static final List<String> DATABASES = List.of("referral", "triage", "notification");
    public static final List<String> TOPICS = List.of("referral-events", "referral-notices", "triage-events",
            "notification-events", "partner-events");
    /**
     * One dead-letter topic per consumer, {@code <topic>.<consumer group>.dlq} (referral-events' {@code Topics}):
     * the services' incoming channels, as k8s/components/kafka/topics.yaml has them.
     */
    public static final List<String> DEAD_LETTER_TOPICS = List.of(
            "triage-events.referral-service.dlq", "notification-events.referral-service.dlq",
            "partner-events.referral-service.dlq",
            "referral-events.triage-service.dlq", "partner-events.triage-service.dlq",
            "notification-events.triage-service.dlq",
            "referral-notices.notification-service.dlq", "triage-events.notification-service.dlq");
    /** Topics that keep the latest record per key for ever (the partner directory), as in production. */
    public static final List<String> COMPACTED_TOPICS = List.of("partner-events");
    static final int EXIT_USAGE = 2;
    static final int EXIT_IN_USE = 3;

    /** Held for the life of the process; a static field so the channel is never collected (which would unlock). */
    private static FileLock dataDirLock;

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@,+-]*");

    private LocalInfrastructure() {
    }

    /** A topic as this machine's single broker can hold it (replication factor 1), compacted where it must be. */
    static NewTopic newTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        return COMPACTED_TOPICS.contains(name) ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream stdout = System.out;
        // only the READY line belongs on stdout; libraries that print go to stderr
        System.setOut(System.err);
        configureLogging();
        Logger log = Logger.getLogger(LocalInfrastructure.class);
        Options options = Options.parse(args);
        claim(options);
        start(options, log);
        stdout.println(READY);
        stdout.flush();
        new CountDownLatch(1).await(); // until a signal runs the shutdown hook
    }

    /** The command line's settings; exits with {@link #EXIT_USAGE} on a bad one, 0 after {@code --help}. */
    private record Options(Path dataDir, int pgPort, int kafkaPort, int smtpPort, int oidcPort) {

        static Options parse(String[] args) {
            Path dataDir = Path.of(".local");
            int pgPort = 15432;
            int kafkaPort = 19092;
            int smtpPort = 13025;
            int oidcPort = 18090;
            try {
                for (int i = 0; i < args.length; i++) {
                    switch (args[i]) {
                        case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                        case "--pg-port" -> pgPort = port(value(args, ++i), "--pg-port");
                        case "--kafka-port" -> kafkaPort = port(value(args, ++i), "--kafka-port");
                        case "--smtp-port" -> smtpPort = port(value(args, ++i), "--smtp-port");
                        case "--oidc-port" -> oidcPort = port(value(args, ++i), "--oidc-port");
                        case "-h", "--help" -> {
                            System.err.println(usage());
                            System.exit(0);
                        }
                        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                    }
                }
                if (pgPort == kafkaPort) {
                    throw new IllegalArgumentException("--pg-port and --kafka-port must differ");
                }
            } catch (IllegalArgumentException e) {
                System.err.println("LocalInfrastructure: " + e.getMessage());
                System.err.println(usage());
                System.exit(EXIT_USAGE);
            }
            return new Options(dataDir.toAbsolutePath().normalize(), pgPort, kafkaPort, smtpPort, oidcPort);
        }
    }

    /** Locks the data directory and checks every port; exits with {@link #EXIT_IN_USE} when one is taken. */
    private static void claim(Options options) {
        dataDirLock = lockDataDir(options.dataDir());
        if (dataDirLock == null) {
            System.err.println("LocalInfrastructure: another local run already uses " + options.dataDir()
                    + "; stop it first, or pass a different --data-dir");
            System.exit(EXIT_IN_USE);
        }
        String busy = busyPorts(options.dataDir(), options.pgPort(), options.kafkaPort());
        if (busy == null && !Support.portFree(options.smtpPort())) {
            busy = "port " + options.smtpPort() + " is already in use (wanted for the SMTP sink); free it or choose"
                    + " another with --smtp-port N";
        }
        if (busy == null && !Support.portFree(options.oidcPort())) {
            busy = "port " + options.oidcPort() + " is already in use (wanted for the OpenID Connect provider); free"
                    + " it or choose another with --oidc-port N";
        }
        if (busy != null) {
            System.err.println("LocalInfrastructure: " + busy);
            System.exit(EXIT_IN_USE);
        }
    }

    /** Starts every server, stopped again by the shutdown hook; exits when one cannot start. */
    private static void start(Options options, Logger log) {
        Path dataDir = options.dataDir();
        Servers servers = new Servers();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.stop(log), "local-infrastructure-shutdown"));
        try {
            servers.postgres = PostgresServer.start(dataDir.resolve("postgres"), options.pgPort(), true, true);
            for (String database : DATABASES) {
                servers.postgres.createDatabaseIfMissing(database);
            }
            servers.kafka = KafkaServer.start(dataDir.resolve("kafka"), options.kafkaPort(), true);
            servers.kafka.createTopics(3, TOPICS.toArray(String[]::new));
            servers.kafka.createTopics(3, DEAD_LETTER_TOPICS.toArray(String[]::new));
            // A real SMTP server that keeps what the notification service sends, so nothing leaves the machine.
            servers.smtp = new GreenMail(new ServerSetup(options.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            servers.smtp.start();
            // the council's identity provider for the MASH console's sign-in, with the demo staff
            DevKeys keys = DevKeys.loadOrCreate(dataDir.resolve("keys"));
            servers.oidc = OidcProvider.start(options.oidcPort(), dataDir.resolve("oidc"), keys);
            Path envFile = writeEnv(dataDir, servers.postgres, servers.kafka, keys, options.smtpPort(), servers.oidc);
            log.infof("PostgreSQL on localhost:%d (databases %s), Kafka on %s, JWT public key %s; settings in %s",
                    options.pgPort(), String.join(", ", DATABASES), servers.kafka.bootstrapServers(),
                    keys.publicKeyPem(), envFile);
        } catch (PortInUseException e) {
            System.err.println("LocalInfrastructure: " + e.getMessage() + "; " + hint(e.port(), options.pgPort()));
            System.exit(EXIT_IN_USE);
        } catch (RuntimeException | IOException e) {
            log.error("local infrastructure failed to start: " + e.getMessage(), e);
            System.exit(1);
        }
    }

    /** Both ports are checked before anything starts, so a clash never leaves half the infrastructure running. */
    private static String busyPorts(Path dataDir, int pgPort, int kafkaPort) {
        if (!Support.portFree(pgPort)) {
            String message = "port " + pgPort + " is already in use (wanted for PostgreSQL); " + hint(pgPort, pgPort);
            Long pid = leftoverPostmaster(dataDir.resolve("postgres"));
            if (pid != null) {
                message += ". A PostgreSQL from an earlier run (pid " + pid + ") still holds " + dataDir.resolve("postgres")
                        + "; stop it with: kill -INT " + pid;
            }
            return message;
        }
        if (!Support.portFree(kafkaPort)) {
            return "port " + kafkaPort + " is already in use (wanted for Kafka); " + hint(kafkaPort, pgPort);
        }
        return null;
    }

    private static String hint(int port, int pgPort) {
        return port == pgPort
                ? "free it or choose another with --pg-port N"
                : "free it or choose another with --kafka-port N";
    }

    private static Long leftoverPostmaster(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static FileLock lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            // held until the JVM exits
            FileChannel channel = FileChannel.open(dataDir.resolve("infra.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private static Path writeEnv(Path dataDir, PostgresServer pg, KafkaServer kafka, DevKeys keys, int smtpPort,
            OidcProvider oidc) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PG_PORT", String.valueOf(pg.port()));
        env.put("PG_USER", pg.username());
        env.put("PG_PASSWORD", pg.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("JWT_PUBLIC_KEY", keys.publicKeyPem().toString());
        // one issuer, as with the council's provider: the console's, Swagger UI's and ./pipeline token's tokens
        env.put("JWT_ISSUER", oidc.issuer());
        env.put("SMTP_PORT", String.valueOf(smtpPort));
        env.put("OIDC_ISSUER", oidc.issuer());
        StringBuilder text = new StringBuilder("# written by LocalInfrastructure; development values only\n");
        env.forEach((k, v) -> text.append(k).append('=').append(shellQuote(v)).append('\n'));
        Path file = dataDir.resolve("infra.env");
        Path tmp = dataDir.resolve("infra.env.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    static String shellQuote(String value) {
        return SHELL_SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static void configureLogging() {
        java.util.logging.Logger root = LogContext.getLogContext().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new ConsoleHandler(ConsoleHandler.Target.SYSTEM_ERR,
                new PatternFormatter("%d{HH:mm:ss} %-5p [%c{1.}] %s%e%n")));
        root.setLevel(Level.INFO);
        Support.quietServerLogs();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int port(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number (1-65535), got " + text);
        }
    }

    private static String usage() {
        return "usage: LocalInfrastructure [--data-dir DIR] [--pg-port N] [--kafka-port N] [--smtp-port N]"
                + " [--oidc-port N]\n  defaults: --data-dir .local --pg-port 15432 --kafka-port 19092 --smtp-port 13025"
                + " --oidc-port 18090";
    }

    /** What has started so far, stopped in reverse order. */
    private static final class Servers {
        volatile PostgresServer postgres;
        volatile KafkaServer kafka;
        volatile GreenMail smtp;
        volatile OidcProvider oidc;

        synchronized void stop(Logger log) {
            if (oidc != null) {
                oidc.close();
            }
            if (smtp != null) {
                smtp.stop();
            }
            try {
                if (kafka != null) {
                    kafka.close();
                }
            } catch (RuntimeException e) {
                log.error("Kafka did not stop cleanly: " + e.getMessage(), e);
            }
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (RuntimeException e) {
                log.error("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
            }
        }
    }
}
