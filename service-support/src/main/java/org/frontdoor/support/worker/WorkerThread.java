package org.frontdoor.support.worker;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background loop on a daemon thread of its own, as the outbox relay and the notification
 * dispatcher run: started and stopped with the application (both idempotent), polling at an
 * interval, and woken early when there is work, e.g. right after a commit.
 */
public final class WorkerThread {

    private final String name;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public WorkerThread(String name) {
        this.name = name;
    }

    /** Runs {@code loop} on the thread; the loop should go on while {@link #isRunning()}. */
    public synchronized void start(Runnable loop) {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the loop to end, interrupts its wait, and waits up to {@code grace} for it. */
    public synchronized void stop(Duration grace) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Makes the loop look for work now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Wakes the loop once the caller's transaction has committed the rows it should see; not on a rollback. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    /** Waits until woken or until {@code pollInterval} has passed, whichever is first. */
    public void awaitWork(Duration pollInterval) throws InterruptedException {
        if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }
}
