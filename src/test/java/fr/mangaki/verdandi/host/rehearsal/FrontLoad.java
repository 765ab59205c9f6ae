package fr.mangaki.verdandi.host.rehearsal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady client through the front of the growth rehearsals: one GET of {@code /} at a
 * time with the site's {@code Host}, counting what did not answer 200 (the first five such
 * answers kept as samples).
 */
final class FrontLoad {
    private final int port;
    private final String host;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> samples = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private Thread thread;

    FrontLoad(int port, String host) {
        this.port = port;
        this.host = host;
    }

    void start() {
        thread = new Thread(() -> {
            while (running) {
                HttpProbe.Response r = HttpProbe.get(port, host, "/");
                requests.incrementAndGet();
                if (r.status() != 200) {
                    failures.incrementAndGet();
                    if (samples.size() < 5) {
                        samples.add(r.status() + " " + r.body().strip());
                    }
                }
            }
        }, "front-load");
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(20000);
        }
    }

    long requests() {
        return requests.get();
    }

    long failures() {
        return failures.get();
    }

    List<String> samples() {
        return List.copyOf(samples);
    }
}
