package org.frontdoor.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** N clients, each sending its next call as soon as the last one is answered, for a while. */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** What a loop achieved: calls that succeeded and failed, over how long, and how long each took. */
    record Result(long ok, long errors, Duration elapsed, Latencies latencies) {
        double rate() {
            return ok / (elapsed.toMillis() / 1000.0);
        }
    }

    /**
     * Runs {@code call} from {@code clients} threads until {@code duration} is over; a call answering null ends its
     * thread (a fixed count, all sent).
     */
    static Result run(int clients, Duration duration, Supplier<Boolean> call) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    Boolean success = call.get();
                    if (success == null) {
                        return; // a fixed count, all sent
                    }
                    latencies.add((System.nanoTime() - t0) / 1000);
                    (success ? ok : errors).incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(ok.get(), errors.get(), Duration.ofNanos(System.nanoTime() - start), latencies);
    }
}
