package org.frontdoor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jboss.logmanager.LogContext;

/** Small helpers shared by the embedded servers. */
final class Support {

    /** Loggers whose level we lowered; JUL keeps loggers weakly, so hold them or the level is lost. */
    private static final List<java.util.logging.Logger> QUIETED = new ArrayList<>();

    private Support() {
    }

    static Path userDirTarget(String name) {
        return Path.of(System.getProperty("user.dir"), "target", name).toAbsolutePath();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    /** Removes {@code prefix<pid>} (and {@code prefix<pid>.log}) siblings left behind by JVMs that no longer run (killed test forks). */
    static void deleteStaleSiblings(Path parent, String prefix) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> list = Files.list(parent)) {
            list.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(p -> {
                String suffix = p.getFileName().toString().substring(prefix.length()).replaceFirst("\\.log$", "");
                try {
                    long pid = Long.parseLong(suffix);
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return;
                    }
                } catch (NumberFormatException e) {
                    return;
                }
                try {
                    deleteRecursively(p);
                } catch (RuntimeException ignored) {
                    // best effort: a stale directory only costs disk space
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Lowers the chatty server loggers to WARN unless someone configured them already.
     * Works both through JUL and JBoss LogManager's context, whichever the JVM uses.
     */
    static synchronized void quietServerLogs() {
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
            quiet(name, Level.WARNING);
        }
        // warns "Performing controller activation" on every start; not a problem
        quiet("org.apache.kafka.controller.QuorumController", Level.SEVERE);
    }

    private static void quiet(String name, Level level) {
        quiet(java.util.logging.Logger.getLogger(name), level);
        try {
            quiet(LogContext.getLogContext().getLogger(name), level);
        } catch (LinkageError ignored) {
            // JBoss LogManager missing: JUL alone is fine
        }
    }

    private static void quiet(java.util.logging.Logger logger, Level level) {
        if (logger.getLevel() == null) {
            logger.setLevel(level);
        }
        QUIETED.add(logger);
    }
}
