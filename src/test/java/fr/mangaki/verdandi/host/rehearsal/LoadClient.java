package fr.mangaki.verdandi.host.rehearsal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests through NGINX one after the other, at most one every {@code pauseMillis},
 * until stopped or until its request or time budget is spent; counts failures (anything
 * but a 200 naming its revision from the built-in application; for another application,
 * anything but a 2xx or 3xx) and notes when each revision was first served.
 */
public final class LoadClient implements AutoCloseable {

    private final Rehearsal rehearsal;
    private final long pauseMillis;
    private final long maxRequests;
    private final long deadlineNanos;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final List<String> failureSamples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final boolean builtIn;

    public LoadClient(Rehearsal rehearsal, long pauseMillis, long maxRequests, long maxSeconds) {
        this(rehearsal, pauseMillis, maxRequests, maxSeconds, true);
    }

    public LoadClient(Rehearsal rehearsal, long pauseMillis, long maxRequests, long maxSeconds, boolean builtIn) {
        this.builtIn = builtIn;
        this.rehearsal = rehearsal;
        this.pauseMillis = pauseMillis;
        this.maxRequests = maxRequests;
        this.deadlineNanos = System.nanoTime() + maxSeconds * 1_000_000_000L;
        this.thread = new Thread(this::loop, "load-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get() && requests.get() < maxRequests && System.nanoTime() < deadlineNanos) {
            HttpProbe.Response r = rehearsal.front();
            long now = System.nanoTime();
            requests.incrementAndGet();
            String revision = builtIn ? HttpProbe.revision(r)
                    : r.status() >= 200 && r.status() < 400 ? rehearsal.state("deployed") : null;
            if (revision == null) {
                failures.incrementAndGet();
                if (failureSamples.size() < 20) {
                    failureSamples.add(r.status() + " " + r.body().strip());
                }
            } else {
                firstSeenNanos.putIfAbsent(revision, now);
            }
            if (pauseMillis > 0) {
                Rehearsal.sleep(pauseMillis);
            }
        }
    }

    public long requests() {
        return requests.get();
    }

    public long failures() {
        return failures.get();
    }

    public List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    /** When the revision was first served, by {@link System#nanoTime()}; null if never. */
    public Long firstSeen(String revision) {
        return firstSeenNanos.get(revision);
    }

    public boolean wasServed(String revision) {
        return firstSeenNanos.containsKey(revision);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
