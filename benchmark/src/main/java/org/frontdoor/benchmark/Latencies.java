package org.frontdoor.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in microseconds, kept whole so that percentiles are exact rather than bucketed. */
final class Latencies {

    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());

    void add(long micros) {
        this.micros.add(micros);
    }

    int count() {
        return micros.size();
    }

    /** The p-th percentile in milliseconds (nearest rank). */
    double percentileMillis(double p) {
        List<Long> sorted;
        synchronized (micros) {
            sorted = new ArrayList<>(micros);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1000.0;
    }

    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", percentileMillis(50), percentileMillis(95),
                percentileMillis(99));
    }
}
