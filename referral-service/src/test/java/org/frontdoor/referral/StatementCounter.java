package org.frontdoor.referral;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares (native ones included) on each thread, so that a test can say how many
 * statements a piece of work took on its own thread, whatever the consumers and relays do on theirs meanwhile.
 */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String inspect(String sql) {
        COUNT.get()[0]++;
        return sql;
    }

    /** The statements prepared on this thread so far. */
    public static int onThisThread() {
        return COUNT.get()[0];
    }
}
