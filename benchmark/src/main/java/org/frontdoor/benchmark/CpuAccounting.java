package org.frontdoor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of each part of the local pipeline, from the kernel's own accounting ({@code /proc/<pid>/stat}: user plus
 * system time of every live process in the part): each service's JVM, the infrastructure JVM (Kafka, SMTP, the
 * identity provider), PostgreSQL (every {@code postgres} process, wherever it hangs in the tree) and this load
 * generator. A difference of two snapshots divided by the referrals in between is the CPU per referral.
 */
final class CpuAccounting {

    /** Linux's USER_HZ: the unit of utime and stime in /proc, 100 on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuAccounting() {
    }

    /** CPU seconds so far, by part, in a fixed order. */
    static Map<String, Double> take(Path root, List<String> services) {
        Set<Long> postgres = postgresPids();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String service : services) {
            seconds.put(service, tree(pid(root, service), postgres));
        }
        seconds.put("infrastructure JVM (Kafka, SMTP, identity provider)", tree(pid(root, "infrastructure"), postgres));
        seconds.put("PostgreSQL", postgres.stream().mapToDouble(CpuAccounting::seconds).sum());
        seconds.put("load generator (this JVM)", tree(ProcessHandle.current().pid(), postgres));
        return seconds;
    }

    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, s) -> used.put(part, s - before.getOrDefault(part, 0.0)));
        return used;
    }

    private static double tree(long pid, Set<Long> excluded) {
        if (pid <= 0) {
            return 0;
        }
        return ProcessHandle.of(pid).map(p -> Stream.concat(Stream.of(p), p.descendants())
                .map(ProcessHandle::pid).filter(id -> !excluded.contains(id))
                .mapToDouble(CpuAccounting::seconds).sum()).orElse(0.0);
    }

    private static long pid(Path root, String name) {
        try {
            return Long.parseLong(Files.readString(root.resolve(".local/pids/" + name + ".pid")).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Set<Long> postgresPids() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("comm")).strip().equals("postgres");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** utime + stime of one process, in seconds; 0 once it has gone. */
    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // after the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
