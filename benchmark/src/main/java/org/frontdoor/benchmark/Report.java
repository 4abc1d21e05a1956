package org.frontdoor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks.md as the phases write it, line by line. */
final class Report {

    private static final String ANALYSIS_MARKER = "<!-- analysis: written by hand, kept when the benchmark runs again -->";

    private static final String PER_SERVICE = "## Per service: start-up and memory";

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
    }

    /**
     * Puts this report's text in place of the section headed {@code ## title} of {@code out}, the rest left as it
     * was: one phase run on its own. A section not there yet goes before the per-service section, else before the
     * written analysis.
     */
    void replaceSection(Path out, String title) throws IOException {
        String previous = Files.readString(out);
        String heading = "## " + title + "\n";
        int at = previous.indexOf(heading);
        int end;
        if (at >= 0) {
            // up to the next section, or the written analysis, whichever comes first
            int next = previous.indexOf("\n## ", at + heading.length());
            int marker = previous.indexOf(ANALYSIS_MARKER, at);
            end = Math.min(next < 0 ? previous.length() : next + 1, marker < 0 ? previous.length() : marker);
        } else {
            at = previous.indexOf(PER_SERVICE);
            at = at >= 0 ? at : previous.indexOf(ANALYSIS_MARKER);
            at = at >= 0 ? at : previous.length();
            end = at;
        }
        Files.writeString(out, previous.substring(0, at) + text + previous.substring(end));
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
