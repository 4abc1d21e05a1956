package org.frontdoor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at a real PostgreSQL: the per-JVM {@link PostgresServer#shared()} with the database named
 * by the required init arg {@code database} (created when missing), or, when env
 * {@code QUARKUS_DATASOURCE_JDBC_URL} is set, the outside server that Quarkus then reads from the environment.
 * <pre>
 * &#64;WithTestResource(value = PostgresTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "referral"))
 * </pre>
 * With the init arg {@code appRole}, the service connects as that role (a login made when missing) and Flyway as
 * the server's owner, as in production, so the tests run with only the privileges the migrations grant.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String OUTSIDE_URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    private String database;
    private String appRole;

    @Override
    public void init(Map<String, String> initArgs) {
        appRole = initArgs.get("appRole");
        database = initArgs.get("database");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(
                    "PostgresTestResource needs the init arg 'database' (e.g. @ResourceArg(name = \"database\", value = \"referral\"))");
        }
    }

    @Override
    public Map<String, String> start() {
        if (outsideUrl() != null) {
            return Map.of();
        }
        PostgresServer pg = PostgresServer.shared();
        pg.createDatabaseIfMissing(database);
        if (appRole == null) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                    "quarkus.datasource.username", pg.username(),
                    "quarkus.datasource.password", pg.password());
        }
        // as in production: Flyway migrates as the owner, the service runs as a role of its own with only the
        // grants the migrations give it (db/support V0_8)
        pg.createRoleIfMissing(appRole, appRole + "-password");
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", appRole,
                "quarkus.datasource.password", appRole + "-password",
                "quarkus.flyway.username", pg.username(),
                "quarkus.flyway.password", pg.password(),
                "frontdoor.db.app-role", appRole);
    }

    @Override
    public void stop() {
        // the shared server lives until the JVM exits, so later test classes reuse it
    }

    /** Outside a Quarkus test: the JDBC URL to use (the outside one when set, else the shared server's). */
    public static String jdbcUrl(String database) {
        String outside = outsideUrl();
        if (outside != null) {
            return outside;
        }
        PostgresServer pg = PostgresServer.shared();
        pg.createDatabaseIfMissing(database);
        return pg.jdbcUrl(database);
    }

    public static String username() {
        return outsideUrl() != null ? env("QUARKUS_DATASOURCE_USERNAME") : PostgresServer.shared().username();
    }

    public static String password() {
        return outsideUrl() != null ? env("QUARKUS_DATASOURCE_PASSWORD") : PostgresServer.shared().password();
    }

    private static String outsideUrl() {
        return env(OUTSIDE_URL_ENV);
    }

    static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
