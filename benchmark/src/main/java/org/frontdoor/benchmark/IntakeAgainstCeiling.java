package org.frontdoor.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frontdoor.benchmark.ClosedLoop.Result;
import org.frontdoor.benchmark.LocalStack.Marks;

/**
 * Intake measured twice: alone (triage and notification stopped, as if on their own nodes; their events wait in
 * Kafka) and with the whole pipeline running on the same cores; the JDBC ceilings are measured between the two.
 */
final class IntakeAgainstCeiling {

    private final LocalStack stack;
    private final StackHttp http;
    private final Report report;
    private final int[] concurrency;
    private final Duration step;
    private final JdbcCeiling ceilings;

    private final Map<Integer, Result> alone = new LinkedHashMap<>();
    private final Map<Integer, Result> minimal = new LinkedHashMap<>();
    private final Map<Integer, Result> exact = new LinkedHashMap<>();
    private final Map<Integer, Result> whole = new LinkedHashMap<>();
    // statements a referral, intake's and the replay's, counted the same way
    private long intakeStatements;
    private long replayStatements;

    IntakeAgainstCeiling(LocalStack stack, StackHttp http, Report report, int[] concurrency, Duration step) {
        this.stack = stack;
        this.http = http;
        this.report = report;
        this.concurrency = concurrency;
        this.step = step;
        this.ceilings = new JdbcCeiling(stack);
    }

    void run() throws Exception {
        String partner = http.token("partner", "hillside-primary");
        ceilings.prepare();
        Marks before = stack.marks();
        stack.pipeline("stop", "triage-service");
        stack.pipeline("stop", "notification-service");
        for (int clients : concurrency) {
            aloneAndCeilings(clients, partner);
        }
        // the two stopped services come back one at a time and catch up on what intake left them
        long backlog = stack.count("referral", "select count(*) from referral") - before.referrals();
        long drainStart = System.nanoTime();
        stack.pipeline("start", "triage-service");
        stack.pipeline("start", "notification-service");
        boolean drained = LocalStack.waitUntil(Duration.ofMinutes(6), () -> stack.caughtUp(before));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        for (int clients : concurrency) {
            whole.put(clients, intake(clients, partner));
            System.out.printf("intake with the whole pipeline %d clients: %.0f/s (%s)%n", clients,
                    whole.get(clients).rate(), whole.get(clients).latencies().summary());
        }
        table();
        notes(backlog, drainSeconds, drained);
    }

    private void aloneAndCeilings(int clients, String partner) throws InterruptedException {
        long statementsBefore = stack.statementCalls("referral");
        alone.put(clients, intake(clients, partner));
        intakeStatements += stack.statementCalls("referral") - statementsBefore;
        minimal.put(clients, ClosedLoop.run(clients, step, ceilings::minimalReferral));
        statementsBefore = stack.statementCalls("benchmark_exact");
        exact.put(clients, ClosedLoop.run(clients, step, ceilings::exactReferral));
        replayStatements += stack.statementCalls("benchmark_exact") - statementsBefore;
        System.out.printf("intake alone %d clients: %.0f/s (%s), jdbc minimal %.0f/s, exact %.0f/s%n", clients,
                alone.get(clients).rate(), alone.get(clients).latencies().summary(), minimal.get(clients).rate(),
                exact.get(clients).rate());
    }

    private Result intake(int clients, String partner) throws InterruptedException {
        return ClosedLoop.run(clients, step, () -> http.submitted(partner));
    }

    private void table() {
        report.line("## Intake against the database's own ceiling");
        report.line("");
        report.line("`POST /api/v1/referrals` (1–3 children, idempotency key, matching, audit, outbox) by N concurrent"
                + " clients for " + step.toSeconds() + " s each, against two ceilings, each one transaction per referral"
                + " by plain JDBC into the same PostgreSQL: **minimal**, the rows alone (referral, children, known"
                + " child, outbox event, pgbench-style); **exact**, the statements intake issues, in its order and with"
                + " its parameters, into a database built by the referral service's migrations (`IntakeReplay`)."
                + " **Alone**: triage and notification stopped, as they would run on other nodes (their events wait"
                + " in Kafka). **Whole pipeline**: all three services running on the same cores, each referral"
                + " triaged and acknowledged while intake goes on.");
        report.line("");
        report.line("| clients | intake alone referrals/s | p50 / p95 / p99 (ms) | minimal referrals/s | exact referrals/s"
                + " | exact p50 / p99 (ms) | alone / minimal | alone / exact | whole pipeline referrals/s"
                + " | p50 / p99 (ms) | whole / minimal | whole / exact |");
        report.line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int clients : concurrency) {
            Result a = alone.get(clients);
            Result j = minimal.get(clients);
            Result x = exact.get(clients);
            Result w = whole.get(clients);
            report.line(String.format("| %d | %.0f | %.1f / %.1f / %.1f | %.0f | %.0f | %.1f / %.1f | **%.0f%%**"
                    + " | **%.0f%%** | %.0f | %.1f / %.1f | %.0f%% | %.0f%% |", clients, a.rate(),
                    a.latencies().percentileMillis(50), a.latencies().percentileMillis(95),
                    a.latencies().percentileMillis(99), j.rate(), x.rate(), x.latencies().percentileMillis(50),
                    x.latencies().percentileMillis(99), 100 * a.rate() / j.rate(), 100 * a.rate() / x.rate(),
                    w.rate(), w.latencies().percentileMillis(50), w.latencies().percentileMillis(99),
                    100 * w.rate() / j.rate(), 100 * w.rate() / x.rate()));
        }
        report.line("");
    }

    private void notes(long backlog, double drainSeconds, boolean drained) {
        double intakePerReferral = (double) intakeStatements / alone.values().stream().mapToLong(Result::ok).sum();
        double replayPerReferral = (double) replayStatements / exact.values().stream().mapToLong(Result::ok).sum();
        report.line(String.format("Statements a referral (the load's mix of 1–3 children), counted by"
                + " `pg_stat_statements`, BEGIN and COMMIT apart: intake %.1f while it ran alone (the outbox relay's and"
                + " the audit sealer's included), the exact replay %.1f.", intakePerReferral, replayPerReferral));
        long errors = alone.values().stream().mapToLong(Result::errors).sum()
                + whole.values().stream().mapToLong(Result::errors).sum();
        report.line("");
        report.line(String.format("Errors (non-201 answers): %d. Target: intake ≥ 50%% of the ceiling at 8 clients.",
                errors));
        report.line("");
        report.line(String.format("**Catching up.** Intake alone left %,d referrals waiting in Kafka. From the moment"
                + " triage was started again (start-ups included), triage and notification had queued every child and"
                + " acknowledged every referrer after %.0f s: %.0f referrals/s downstream%s. The whole-pipeline steps"
                + " ran after that.", backlog, drainSeconds, backlog / drainSeconds,
                drained ? "" : " — not all of them within the 6-minute limit"));
        report.line("");
    }
}
