package fr.mangaki.verdandi.host.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of bench/deploy-loop: N deploys while a client keeps requesting through
 * NGINX, each pushed at a random moment of the poll interval (fixed seed) once the
 * previous one is live, then every fault of {@link Faults}. Prints one line per deploy and per fault,
 * then, last, {@code deploys=N commit_to_live_median_s=X commit_to_live_max_s=Y
 * failed_requests=Z requests=R faults_survived=K/K}.
 *
 * <p>Arguments: [deploys (default 10)] [pollSeconds (default 5, the stacks' value)].
 */
public final class DeployLoopBench {

    private DeployLoopBench() {
    }

    public static void main(String[] args) {
        int deploys = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int pollSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Double> seconds = new ArrayList<>();
        java.util.Random random = new java.util.Random(20261125L);
        List<Faults.Outcome> outcomes;
        long failed;
        long requests;
        try (Rehearsal r = new Rehearsal(pollSeconds).prepareHosts()) {
            require(r.installSite());
            String first = r.commit("First commit");
            r.push();
            require(r.installEnvironment());
            if (!Rehearsal.await(Duration.ofSeconds(300), () -> first.equals(r.servedRevision()))) {
                throw new IllegalStateException("the first commit was not served:\n" + r.loopLog());
            }
            System.out.printf("first deploy (virtualenv and npm packages built) served; poll every %ds%n", pollSeconds);
            try (LoadClient load = new LoadClient(r, 10, 500_000, 3600)) {
                for (int i = 1; i <= deploys; i++) {
                    r.writeApp("demo/version.py", "VERSION = \"bench-" + i + "\"\n");
                    String sha = r.commit("Bench deploy " + i);
                    // commits arrive at any moment of the poll interval
                    Rehearsal.sleep(random.nextInt(pollSeconds * 1000));
                    long pushed = System.nanoTime();
                    r.push();
                    if (!Rehearsal.await(Duration.ofSeconds(180), () -> load.wasServed(sha))) {
                        throw new IllegalStateException("deploy " + i + " was not served:\n" + r.loopLog());
                    }
                    double s = (load.firstSeen(sha) - pushed) / 1e9;
                    seconds.add(s);
                    System.out.printf(Locale.ROOT, "deploy %d: %s served through NGINX %.1fs after the push%n",
                            i, Faults.shortSha(sha), s);
                    Rehearsal.await(Duration.ofSeconds(60), () -> sha.equals(r.state("deployed"))
                            && !Files.exists(r.stateDir().resolve("deploying")) && r.masters().size() == 1);
                }
                memory(r);
                outcomes = new Faults(r, load).all();
                for (Faults.Outcome o : outcomes) {
                    System.out.println("fault: " + o.fault() + ": " + (o.survived() ? "survived" : "NOT survived "
                            + o.problems()));
                }
                load.close();
                failed = load.failures();
                requests = load.requests();
                if (failed > 0) {
                    System.out.println("failed request samples: " + load.failureSamples());
                }
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        long survived = outcomes.stream().filter(Faults.Outcome::survived).count();
        System.out.printf(Locale.ROOT, "deploys=%d commit_to_live_median_s=%.1f commit_to_live_max_s=%.1f "
                        + "failed_requests=%d requests=%d faults_survived=%d/%d%n",
                seconds.size(), median, sorted.get(sorted.size() - 1), failed, requests, survived, outcomes.size());
    }

    /** Resident memory of the environment's gunicorn master and workers, as measured now. */
    private static void memory(Rehearsal r) {
        List<Long> masters = r.masters();
        if (masters.size() != 1) {
            return;
        }
        long master = masters.get(0);
        long masterKb = rssKb(master);
        List<Long> workers = ProcessHandle.of(master).map(p -> p.children().map(ProcessHandle::pid).toList())
                .orElse(List.of());
        long workersKb = workers.stream().mapToLong(DeployLoopBench::rssKb).sum();
        System.out.printf("memory: gunicorn master %d MiB, %d worker(s) %d MiB in all (resident, test application)%n",
                masterKb / 1024, workers.size(), workersKb / 1024);
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    private static void require(Proc.Result r) {
        r.requireSuccess();
    }
}
