package org.frontdoor.triage.console;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.frontdoor.triage.statutory.StatutoryReturns;

/**
 * The CIN census a manager asked the console for, made in the background (a year's census can take seconds) and
 * held briefly so the page can show its progress, then what it found and its file. One per manager: asking again
 * replaces it. Made as the manager, in a request context of its own carrying their identity, so the return is
 * checked, recorded and audited exactly as the API's (StatutoryReturns).
 */
@ApplicationScoped
public class ReturnsJobs {

    /** How long a finished census is held for its manager (the report's pages, the file's download). */
    static final Duration HELD = Duration.ofMinutes(15);

    /** A census asked for: {@code make} a file (a serial number, recorded) or only check it. */
    public record Job(int year, boolean make, long startedNanos, CompletableFuture<StatutoryReturns.Census> census) {

        public boolean ready() {
            return census.isDone();
        }

        /** Whole seconds since it was asked for. */
        public long seconds() {
            return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
        }
    }

    /** Two at a time at most: a third waits its turn (the progress page says it is still being made). */
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-returns");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, Job> held = new ConcurrentHashMap<>();

    @Inject
    StatutoryReturns returns;

    @Inject
    CurrentIdentityAssociation identities;

    /** Starts the census of {@code year} for the signed-in manager, in place of any they had. */
    public Job start(SecurityIdentity manager, int year, boolean make) {
        forgetOld();
        // a copy of who they are: the injected identity is a proxy of the request's, which ends with it
        SecurityIdentity who = QuarkusSecurityIdentity.builder(manager).build();
        CompletableFuture<StatutoryReturns.Census> census = CompletableFuture.supplyAsync(() -> as(who, year,
                make), workers);
        Job job = new Job(year, make, System.nanoTime(), census);
        held.put(manager.getPrincipal().getName(), job);
        return job;
    }

    /** The manager's census of {@code year}, running or held; null when there is none (or it was let go). */
    public Job of(SecurityIdentity manager, int year) {
        forgetOld();
        Job job = held.get(manager.getPrincipal().getName());
        return job != null && job.year() == year ? job : null;
    }

    private StatutoryReturns.Census as(SecurityIdentity manager, int year, boolean make) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            identities.setIdentity(manager);
            return returns.census(year, make);
        } finally {
            request.terminate();
        }
    }

    /** Lets go of censuses finished longer ago than {@link #HELD} (started longer ago, to be simple). */
    private void forgetOld() {
        long now = System.nanoTime();
        held.values().removeIf(j -> j.ready() && now - j.startedNanos() > HELD.toNanos());
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
