package org.frontdoor.triage.queue;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate prepares on the test's thread while {@link #during} runs (entity loads, flushes and
 * the {@code *Queries} classes' native statements alike): how a test counts what a piece of work costs.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementLog implements StatementInspector {

    private static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> seen = SEEN.get();
        if (seen != null) {
            seen.add(sql);
        }
        return sql;
    }

    /** The statements {@code work} prepared, in order. */
    public static List<String> during(Runnable work) {
        SEEN.set(new ArrayList<>());
        try {
            work.run();
            return List.copyOf(SEEN.get());
        } finally {
            SEEN.remove();
        }
    }
}
