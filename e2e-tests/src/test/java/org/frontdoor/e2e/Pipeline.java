package org.frontdoor.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frontdoor.testsupport.DevKeys;
import org.frontdoor.testsupport.DevTokens;
import org.frontdoor.testsupport.KafkaServer;
import org.frontdoor.testsupport.KafkaTestResource;
import org.frontdoor.testsupport.OidcProvider;
import org.frontdoor.testsupport.PostgresServer;

/**
 * The whole pipeline for black-box tests: a real Kafka broker, PostgreSQL (the referral
 * service on its own server, so that it alone can be stopped), and the three services as
 * separate processes. One per test JVM; the tests stop and start its parts.
 */
public final class Pipeline implements AutoCloseable {

    private static Pipeline instance;

    private final Path work;
    private final int kafkaPort = ServiceProcess.freePort();
    private final int referralDbPort = ServiceProcess.freePort();
    private final int sharedDbPort = ServiceProcess.freePort();
    private KafkaServer kafka;
    private PostgresServer referralDb;
    private PostgresServer sharedDb;
    private final DevTokens tokens;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final GreenMail smtp;
    private final OidcProvider oidc;

    private Pipeline(Path root, Path work) throws Exception {
        this.work = work;
        deleteRecursively(work); // each run starts from empty servers
        Files.createDirectories(work.resolve("logs"));
        startKafka();
        startReferralDb();
        sharedDb = PostgresServer.start(work.resolve("pg-shared"), sharedDbPort, false);
        sharedDb.createDatabaseIfMissing("triage");
        sharedDb.createDatabaseIfMissing("notification");
        DevKeys keys = DevKeys.loadOrCreate(work.resolve("keys"));
        // the council's identity provider, a real OIDC provider in this JVM: the console signs in with it, and it
        // is the APIs' one issuer, as in the local run (the tests' partner and ops tokens carry its iss)
        oidc = OidcProvider.start(0, work.resolve("oidc"), keys);
        tokens = new DevTokens(keys, oidc.issuer());
        Map<String, String> common = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyPem().toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", oidc.issuer(),
                "FRONTDOOR_OPENAPI_OPENID_CONNECT_URL", oidc.issuer() + "/.well-known/openid-configuration",
                // the relay and the consumers react quickly, so the tests need not wait long; a service killed with
                // its relay's lease holds its restarted self up for 6 s at most
                "FRONTDOOR_OUTBOX_POLL_INTERVAL", "200ms",
                "FRONTDOOR_OUTBOX_LEASE", "6s",
                "FRONTDOOR_OUTBOX_SEND_TIMEOUT", "5s");
        add(root, "referral-service", common, referralDb.jdbcUrl("referral"), referralDb);
        add(root, "triage-service", common, sharedDb.jdbcUrl("triage"), sharedDb);
        add(root, "notification-service", common, sharedDb.jdbcUrl("notification"), sharedDb);
        // referrers without a webhook get email: a real SMTP server in this JVM
        smtp = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> notification = new LinkedHashMap<>();
        // partners' webhook receivers run on this machine over plain http
        notification.put("FRONTDOOR_NOTIFICATION_WEBHOOK_ALLOW_HTTP_HOSTS", "127.0.0.1,localhost");
        notification.put("QUARKUS_MAILER_MOCK", "false");
        notification.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        notification.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()));
        notification.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        notification.put("QUARKUS_MAILER_LOGIN", "DISABLED");
        notification.put("QUARKUS_MAILER_TLS", "false");
        // retries in seconds, not hours; a crashed attempt is retried after the lease, which the service
        // requires to be at least twice its worst attempt (an email: 30 s)
        notification.put("FRONTDOOR_NOTIFICATION_RETRY_INITIAL_DELAY", "200ms");
        notification.put("FRONTDOOR_NOTIFICATION_RETRY_MAX_DELAY", "2s");
        notification.put("FRONTDOOR_NOTIFICATION_DISPATCHER_POLL_INTERVAL", "200ms");
        notification.put("FRONTDOOR_NOTIFICATION_WEBHOOK_CONNECT_TIMEOUT", "2s");
        notification.put("FRONTDOOR_NOTIFICATION_WEBHOOK_REQUEST_TIMEOUT", "3s");
        notification.put("FRONTDOOR_NOTIFICATION_DISPATCHER_LEASE", "60s");
        // partners' webhook secrets are encrypted at rest: a development key (base64 of 32 bytes)
        notification.put("FRONTDOOR_NOTIFICATION_SECRET_KEY", "2IJGs1QQ5FirfxoSKDgqw5zQdWvH9JZYXhWnLk7egtI=");
        // the demo partner directory, as the local run has it
        notification.put("FRONTDOOR_NOTIFICATION_DEMO_PARTNERS", "true");
        services.get("notification-service").putEnv(notification);
        // the demo staff the tests sign in as (dev-triage-worker, dev-team-manager, ...); the console's sign-in with this
        // provider and its development client secret, over plain http (cookies without Secure, as ./pipeline runs it)
        services.get("triage-service").putEnv(Map.of("FRONTDOOR_TRIAGE_DEMO_STAFF", "true",
                "QUARKUS_OIDC_CONSOLE_AUTH_SERVER_URL", oidc.issuer(),
                "QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET", OidcProvider.CLIENT_SECRET,
                "FRONTDOOR_TRIAGE_CONSOLE_HTTPS", "false",
                "FRONTDOOR_TRIAGE_CONSOLE_NOTIFICATION_SERVICE_URL", services.get("notification-service").url(),
                "FRONTDOOR_TRIAGE_CONSOLE_REFERRAL_SERVICE_URL", services.get("referral-service").url()));
        for (ServiceProcess service : services.values()) {
            // the audit trail's hash chain is keyed (HMAC): a development key
            service.putEnv(Map.of("FRONTDOOR_AUDIT_CHAIN_KEY", "gdBBeBSo8sq53g8gjCH1qiMoPmvqJgDKg2Wx58jICdM="));
            service.start();
        }
        awaitPartnerCopies();
    }

    /** Triage and intake check organisation ids on their copy of the directory: the demo one must be in both. */
    private void awaitPartnerCopies() throws InterruptedException {
        long giveUp = System.nanoTime() + 60_000_000_000L;
        String demo = "select count(*) from partner_directory_copy where id in ('hillside-primary', 'oakwood-academy',"
                + " 'south-yorkshire-police', 'doncaster-health', 'doncaster-housing', 'family-action-doncaster')";
        while (count("referral-service", demo) < 6 || count("triage-service", demo) < 6) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the demo partner directory did not reach triage and intake");
            }
            Thread.sleep(100);
        }
    }

    public static synchronized Pipeline get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("e2e.root", ".."));
            try {
                instance = new Pipeline(root, root.resolve("e2e-tests/target/e2e"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the pipeline", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    private void add(Path root, String name, Map<String, String> common, String jdbcUrl, PostgresServer db) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        services.put(name, new ServiceProcess(name, root.resolve(name + "/target/quarkus-app/quarkus-run.jar"),
                work.resolve("logs"), env));
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /**
     * Instance {@code n} (2, 3, ...) of a service, made on first asking and started by the caller; triage's console
     * calls the referral and notification instances of the same number (made here too, unstarted, if need be).
     */
    public synchronized ServiceProcess replica(String service, int n) {
        String name = service + "-" + n;
        ServiceProcess replica = services.get(name);
        if (replica == null) {
            Map<String, String> more = service.equals("triage-service") ? Map.of(
                    "FRONTDOOR_TRIAGE_CONSOLE_NOTIFICATION_SERVICE_URL", replica("notification-service", n).url(),
                    "FRONTDOOR_TRIAGE_CONSOLE_REFERRAL_SERVICE_URL", replica("referral-service", n).url()) : Map.of();
            replica = services.get(service).replica(n, more);
            services.put(name, replica);
        }
        return replica;
    }

    public String referral() {
        return services.get("referral-service").url();
    }

    public String triage() {
        return services.get("triage-service").url();
    }

    public String notification() {
        return services.get("notification-service").url();
    }

    public String token(String role) {
        return tokens.token(role);
    }

    public String token(String role, String org) {
        return tokens.token(role, org);
    }

    /** The PostgreSQL server holding a service's database. */
    public PostgresServer database(String service) {
        return service.equals("referral-service") ? referralDb : sharedDb;
    }

    /** The identity provider: the console's sign-in and the APIs' issuer. */
    public OidcProvider oidc() {
        return oidc;
    }

    public DevTokens tokens() {
        return tokens;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public synchronized void stopKafka() {
        kafka.close();
    }

    public synchronized void startKafka() {
        kafka = KafkaServer.start(work.resolve("kafka"), kafkaPort, true);
        KafkaTestResource.createTopics(kafkaBootstrap(), java.util.List.of("referral-events", "referral-notices",
                "triage-events", "notification-events", "partner-events"));
        KafkaTestResource.createTopics(kafkaBootstrap(),
                org.frontdoor.testsupport.LocalInfrastructure.DEAD_LETTER_TOPICS);
    }

    public synchronized void stopReferralDb() {
        referralDb.close();
    }

    public synchronized void startReferralDb() {
        referralDb = PostgresServer.start(work.resolve("pg-referral"), referralDbPort, true);
        referralDb.createDatabaseIfMissing("referral");
    }

    /** The SMTP server the notification service mails to. */
    public GreenMail smtp() {
        return smtp;
    }

    /** Changes a service's own database directly (e.g. to move a referral back in time); the rows changed. */
    public int update(String service, String sql) {
        PostgresServer db = service.equals("referral-service") ? referralDb : sharedDb;
        String database = service.replace("-service", "");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password());
                PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as text. */
    public java.util.List<String> strings(String service, String sql) {
        PostgresServer db = service.equals("referral-service") ? referralDb : sharedDb;
        String database = service.replace("-service", "");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password());
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            java.util.List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A number from a service's own database, read directly: what is really stored. */
    public long count(String service, String sql) {
        PostgresServer db = service.equals("referral-service") ? referralDb : sharedDb;
        String database = service.replace("-service", "");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password());
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        services.values().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.close();
        }
        if (referralDb != null) {
            referralDb.close();
        }
        if (sharedDb != null) {
            sharedDb.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (oidc != null) {
            oidc.close();
        }
    }
}
