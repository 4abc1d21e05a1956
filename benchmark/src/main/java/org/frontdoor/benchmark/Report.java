package org.frontdoor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks.md as the phases write it, line by line. */
final class Report {

    private static final String ANALYSIS_MARKER = "<!-- analysis: written by hand, kept when the benchmark runs again -->";

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
    }

    /** Writes the report to {@code out}, keeping the written analysis below the marker of the file it replaces. */
    void writeTo(Path out) throws IOException {
        Files.createDirectories(out.getParent());
        // the written analysis below the marker outlives a re-run; the figures above it are replaced
        String kept = "";
        if (Files.exists(out)) {
            String previous = Files.readString(out);
            int at = previous.indexOf(ANALYSIS_MARKER);
            kept = at < 0 ? "" : previous.substring(at);
        }
        Files.writeString(out, text.toString() + kept);
    }
}
