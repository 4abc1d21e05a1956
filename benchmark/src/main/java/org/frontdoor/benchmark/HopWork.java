package org.frontdoor.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each service asked of its database and of Kafka over a run, from PostgreSQL's own counts: statements
 * ({@code pg_stat_statements}, BEGIN, COMMIT and ROLLBACK apart), transactions (the BEGINs: the services' JTA
 * transactions all open with one) and events written to its outbox. Divided by the referrals of the run, it is the
 * figure {@code StatementBudgetIT} guards, measured here under load, where the consumers' batches grow.
 */
final class HopWork {

    /** One service's counts so far, or over a run. */
    record Counts(long statements, long transactions, long events) {

        Counts minus(Counts before) {
            return new Counts(statements - before.statements, transactions - before.transactions,
                    events - before.events);
        }
    }

    private HopWork() {
    }

    /** The counts so far, by service, in the services' order. */
    static Map<String, Counts> take(LocalStack stack, List<String> services) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (String service : services) {
            String database = service.replace("-service", "");
            long begins = stack.count("postgres", "select coalesce(sum(s.calls), 0) from pg_stat_statements s"
                    + " join pg_database d on d.oid = s.dbid where d.datname = '" + database
                    + "' and s.query = 'BEGIN'");
            counts.put(service, new Counts(stack.statementCalls(database), begins,
                    stack.count(database, "select count(*) from outbox_event")));
        }
        return counts;
    }

    static Map<String, Counts> since(Map<String, Counts> before, Map<String, Counts> after) {
        Map<String, Counts> used = new LinkedHashMap<>();
        after.forEach((service, c) -> used.put(service, c.minus(before.get(service))));
        return used;
    }

    /** A table of statements, transactions and events a referral, by service and in all. */
    static void table(Report report, Map<String, Counts> work, long referrals) {
        double n = Math.max(1, referrals);
        report.line("**Statements, transactions and events a referral** over the same run (PostgreSQL's"
                + " `pg_stat_statements`, BEGIN and COMMIT apart; a transaction is a BEGIN; events are rows written to"
                + " the service's outbox; the benchmark's own polling of the tables included, under 0.1 a referral)."
                + " Aim: 25 statements and 5 transactions in all.");
        report.line("");
        report.line("| service | statements | transactions | events |");
        report.line("|---|---|---|---|");
        long statements = 0;
        long transactions = 0;
        long events = 0;
        for (Map.Entry<String, Counts> part : work.entrySet()) {
            Counts c = part.getValue();
            statements += c.statements();
            transactions += c.transactions();
            events += c.events();
            report.line(String.format("| %s | %.1f | %.2f | %.2f |", part.getKey(), c.statements() / n,
                    c.transactions() / n, c.events() / n));
        }
        report.line(String.format("| **all** | **%.1f** | **%.2f** | **%.2f** |", statements / n, transactions / n,
                events / n));
        report.line("");
    }
}
