package org.frontdoor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The CIN census and Annex A for a year of {@link ReturnsYear#REFERRALS} referrals (seeded straight into the
 * triage database, then removed), as a team manager asks for them: the error list, the file, the workbook.
 */
final class ReturnsForAYear {

    private record Timed(HttpResponse<String> reply, double seconds) {
    }

    private final LocalStack stack;
    private final StackHttp http;
    private final Report report;

    ReturnsForAYear(LocalStack stack, StackHttp http, Report report) {
        this.stack = stack;
        this.http = http;
        this.report = report;
    }

    void run() throws Exception {
        long seeded = System.nanoTime();
        execute(ReturnsYear.SEED);
        double seedSeconds = (System.nanoTime() - seeded) / 1e9;
        try {
            ask(seedSeconds);
        } finally {
            execute(ReturnsYear.DELETE);
        }
    }

    private void ask(double seedSeconds) {
        String manager = http.token("team-manager");
        String returns = StackHttp.TRIAGE + "/returns";
        Timed errors = timed(() -> http.get(returns + "/cin-census/errors?year=" + ReturnsYear.CENSUS_YEAR, manager));
        Timed census = timed(() -> http.get(returns + "/cin-census?year=" + ReturnsYear.CENSUS_YEAR, manager));
        Timed annex = timed(() -> http.get(returns + "/annex-a?from=2019-10-01&to=2020-03-31", manager));
        JsonNode checked = StackHttp.json(errors.reply() == null ? "{}" : errors.reply().body());
        report.line("## Statutory returns for a year");
        report.line("");
        report.line(String.format("%,d referrals of the 2019-20 census year (each child with characteristics, a case,"
                + " an assessment; a fifth of the open ones an s47 enquiry) seeded into the triage database in %.1f s,"
                + " then asked for as a team manager asks, one request at a time:", ReturnsYear.REFERRALS,
                seedSeconds));
        report.line("");
        report.line("| request | answer | time | body (characters) |");
        report.line("|---|---|---|---|");
        report.line(row("`GET /api/v1/returns/cin-census/errors?year=2020` (the whole check: rules and schema)", errors));
        report.line(row("`GET /api/v1/returns/cin-census?year=2020` (checked again, then the file)", census));
        report.line(row("`GET /api/v1/returns/annex-a` for the six months to 31 March 2020 (five lists, one workbook)",
                annex));
        report.line("");
        report.line(String.format("The census covered %s children: %s in the file, %s left out for an error (seeded"
                + " to pass). Target: each return in under a minute.", checked.path("children").asText("?"),
                checked.path("included").asText("?"), checked.path("leftOut").asText("?")));
        report.line("");
    }

    /** The statements in one transaction of the triage database. */
    private void execute(String[] statements) throws Exception {
        try (Connection c = stack.connect("triage")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.executeUpdate(sql);
                }
            }
            c.commit();
        }
    }

    private static Timed timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> reply = request.get();
        return new Timed(reply, (System.nanoTime() - start) / 1e9);
    }

    private static String row(String what, Timed t) {
        return "| " + what + " | " + (t.reply() == null ? "no answer" : String.valueOf(t.reply().statusCode())) + " | "
                + String.format("%.1f s", t.seconds()) + " | "
                + (t.reply() == null ? "" : String.format("%,d", t.reply().body().length())) + " |";
    }
}
