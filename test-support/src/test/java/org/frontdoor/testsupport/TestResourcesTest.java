package org.frontdoor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestResourcesTest {

    @Test
    void postgresResourceGivesTheQuarkusDatasourceSettings() throws Exception {
        assumeTrue(System.getenv(PostgresTestResource.OUTSIDE_URL_ENV) == null, "outside PostgreSQL configured");
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of("database", "resource_check"));
        Map<String, String> config = resource.start();
        assertEquals(Set.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password"),
                config.keySet());
        assertEquals(PostgresServer.shared().jdbcUrl("resource_check"), config.get("quarkus.datasource.jdbc.url"));
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertTrue(c.isValid(5));
        }
        assertEquals(config.get("quarkus.datasource.jdbc.url"), PostgresTestResource.jdbcUrl("resource_check"));
        resource.stop();
    }

    @Test
    void postgresResourceNeedsADatabase() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresTestResource().init(Map.of()));
    }

    @Test
    void kafkaResourceGivesTheBootstrapServers() {
        assumeTrue(System.getenv(KafkaTestResource.OUTSIDE_BOOTSTRAP_ENV) == null, "outside Kafka configured");
        Map<String, String> config = new KafkaTestResource().start();
        assertEquals(Map.of("kafka.bootstrap.servers", KafkaServer.shared().bootstrapServers()), config);
        assertEquals(KafkaServer.shared().bootstrapServers(), KafkaTestResource.bootstrapServers());
    }

    @Test
    void anotherClassLoaderAttachesToTheSameSharedServers() throws Exception {
        assumeTrue(System.getenv(PostgresTestResource.OUTSIDE_URL_ENV) == null);
        PostgresServer.shared();
        KafkaServer.shared();
        // Quarkus tests can see this module through a second class loader; it must not start second servers
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {
                PostgresServer.class.getProtectionDomain().getCodeSource().getLocation() },
                ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.frontdoor.")) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : findClass(name);
                    }
                }
                return PostgresServer.class.getClassLoader().loadClass(name);
            }
        }) {
            Class<?> pg = loader.loadClass(PostgresServer.class.getName());
            Object otherPg = pg.getMethod("shared").invoke(null);
            assertEquals(PostgresServer.shared().port(), pg.getMethod("port").invoke(otherPg));
            Class<?> kafka = loader.loadClass(KafkaServer.class.getName());
            Object otherKafka = kafka.getMethod("shared").invoke(null);
            assertEquals(KafkaServer.shared().bootstrapServers(), kafka.getMethod("bootstrapServers").invoke(otherKafka));
        }
    }
}
