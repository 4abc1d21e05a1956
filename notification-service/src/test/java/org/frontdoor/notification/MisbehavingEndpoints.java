package org.frontdoor.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Partner endpoints that misbehave, on loopback only: one that never answers, one that redirects. */
final class MisbehavingEndpoints {

    private MisbehavingEndpoints() {
    }

    /** Accepts connections and reads the requests, but never answers (a hung partner server). */
    static final class Hanging implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger open = new AtomicInteger();
        private volatile boolean closed;

        Hanging() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "hanging-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept() {
            while (!closed) {
                try {
                    Socket socket = server.accept();
                    sockets.add(socket);
                    accepted.incrementAndGet();
                    open.incrementAndGet();
                    Thread reader = new Thread(() -> drain(socket), "hanging-endpoint-connection");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        /** Reads until the client gives up and closes the connection. */
        private void drain(Socket socket) {
            byte[] buffer = new byte[4096];
            try (InputStream in = socket.getInputStream()) {
                while (in.read(buffer) != -1) {
                    // never answer
                }
            } catch (IOException e) {
                // closed
            } finally {
                open.decrementAndGet();
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hooks";
        }

        int port() {
            return server.getLocalPort();
        }

        /** Connections accepted so far. */
        int accepted() {
            return accepted.get();
        }

        /** Connections the client still holds open, waiting for an answer. */
        int open() {
            return open.get();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Answers every request with 302 to {@code location}. */
    static final class Redirecting implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        Redirecting(String location) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
