package org.frontdoor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void sharedServerIsPostgres17AndCreatesDatabasesIdempotently() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        assertSame(pg, PostgresServer.shared());
        pg.createDatabaseIfMissing("sample");
        pg.createDatabaseIfMissing("sample");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("sample"), pg.username(), pg.password());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("select version()")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("PostgreSQL 17"), rs.getString(1));
            }
        }
    }

    @Test
    void keptDataSurvivesARestart() throws Exception {
        Path dir = Path.of("target", "keep-test", "postgres-" + ProcessHandle.current().pid());
        Support.deleteRecursively(dir);
        int port = Support.freePort();
        try (PostgresServer first = PostgresServer.start(dir, port, true)) {
            first.createDatabaseIfMissing("kept");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("kept"), first.username(), first.password());
                    Statement s = c.createStatement()) {
                s.execute("create table note (text varchar(50))");
                s.execute("insert into note values ('still here')");
            }
        }
        try (PostgresServer second = PostgresServer.start(dir, port, true)) {
            second.createDatabaseIfMissing("kept");
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("kept"), second.username(), second.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select text from note")) {
                assertTrue(rs.next());
                assertEquals("still here", rs.getString(1));
            }
        } finally {
            Support.deleteRecursively(dir);
        }
    }

    @Test
    void aTakenPortIsReportedClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> PostgresServer.start(Path.of("target", "unused-pg"), port, true));
            assertEquals(port, e.port());
            assertTrue(e.getMessage().startsWith("port " + port + " is already in use ("), e.getMessage());
        }
    }
}
