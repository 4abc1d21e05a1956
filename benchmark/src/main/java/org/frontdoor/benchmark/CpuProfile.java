package org.frontdoor.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU goes, from a JDK Flight Recorder recording of it under load: each execution sample is put
 * to the library whose code was running (its innermost frame that belongs to one of the groups below). Shares of
 * samples, so of the service's Java CPU; what the JIT, the garbage collector and the kernel spend is not in them.
 * Also runnable on its own: {@code java -cp benchmark/target/benchmark-0.1.0-SNAPSHOT.jar
 * org.frontdoor.benchmark.CpuProfile recording.jfr}.
 */
final class CpuProfile {

    /** Groups, first match wins, tried on each frame from the innermost out. */
    static final Map<String, Pattern> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Hibernate ORM", Pattern.compile("^org\\.hibernate\\.(?!validator)"));
        GROUPS.put("Jackson (JSON)", Pattern.compile("^com\\.fasterxml\\.jackson"));
        GROUPS.put("transactions and pool (Narayana, Agroal)", Pattern.compile("^(com\\.arjuna|io\\.agroal|io\\.narayana)"));
        GROUPS.put("PostgreSQL JDBC driver", Pattern.compile("^org\\.postgresql"));
        GROUPS.put("HTTP (Vert.x, Netty)", Pattern.compile("^(io\\.vertx|io\\.netty)"));
        GROUPS.put("REST (Quarkus REST)", Pattern.compile("^(org\\.jboss\\.resteasy|io\\.quarkus\\.resteasy)"));
        GROUPS.put("Kafka client and messaging", Pattern.compile("^(org\\.apache\\.kafka|io\\.smallrye\\.reactive)"));
        GROUPS.put("tokens and crypto (SmallRye JWT, jose4j, JCA)",
                Pattern.compile("^(io\\.smallrye\\.jwt|org\\.jose4j|sun\\.security|java\\.security|javax\\.crypto)"));
        GROUPS.put("logging", Pattern.compile("^(org\\.jboss\\.logmanager|org\\.jboss\\.logging|io\\.quarkus\\.logging)"));
        GROUPS.put("OpenTelemetry", Pattern.compile("^io\\.opentelemetry"));
        GROUPS.put("Bean Validation", Pattern.compile("^org\\.hibernate\\.validator"));
        GROUPS.put("metrics (Micrometer)", Pattern.compile("^io\\.micrometer"));
        GROUPS.put("the service's own code", Pattern.compile("^org\\.frontdoor"));
    }

    private CpuProfile() {
    }

    /** Share of samples by group, largest first, and the number of samples. */
    record Shares(Map<String, Double> byGroup, long samples) {
    }

    static Shares of(Path recording) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        long samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            counts.merge(groupOf(e.getStackTrace().getFrames()), 1L, Long::sum);
        }
        long total = Math.max(1, samples);
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(c -> shares.put(c.getKey(), 100.0 * c.getValue() / total));
        return new Shares(shares, samples);
    }

    private static String groupOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod() == null || f.getMethod().getType() == null) {
                continue;
            }
            String type = f.getMethod().getType().getName();
            for (Map.Entry<String, Pattern> g : GROUPS.entrySet()) {
                if (g.getValue().matcher(type).find()) {
                    return g.getKey();
                }
            }
        }
        return "other (JDK, CDI, Quarkus core)";
    }

    public static void main(String[] args) throws IOException {
        Shares s = of(Path.of(args[0]));
        System.out.printf("%d samples%n", s.samples());
        s.byGroup().forEach((g, share) -> System.out.printf("%5.1f%%  %s%n", share, g));
    }
}
