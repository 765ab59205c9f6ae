package fr.mangaki.verdandi.host.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of bench/deploy-loop: N deploys while a client keeps requesting through
 * NGINX, each pushed at a random moment of the poll interval (fixed seed) once the
 * previous one is live, a Celery task queued right after each, then every fault of
 * {@link Faults}. Prints one line per deploy and per fault, then, last, {@code deploys=N
 * commit_to_live_median_s=X commit_to_live_max_s=Y failed_requests=Z requests=R
 * faults_survived=K/K processes=P task_after_deploy_new_code=0|1 static_cache_headers=0|1
 * static_served_by=nginx|gunicorn|none} (the last three {@code n/a} with {@code --app}), then the
 * front's figures: {@code commit_to_live_push_median_s=X} (N more deploys, each notified by
 * the code host's signed push webhook through the front right after the push: from the
 * notification to the commit served), {@code push_deploy_median_s=X} (the same deploys' own
 * duration, from their history line), {@code pushes_woken=K/N} (deploys the webhook woke
 * the loop for), {@code maintenance_503=M/F bare_502=B} (gunicorn stopped under load: answers
 * that were the maintenance page, of the failed ones; bare 502s), {@code
 * webhook_bad_signature_refused=0|1}, {@code analytics_report=0|1} and {@code peak_alert=0|1}.
 *
 * <p>Arguments: [--app PATH [--branch B]] [--no-faults] [--verbose] [DEPLOYS (default 10)]
 * [POLL_SECONDS (default 5, the stacks' value)]. With {@code --app}, the git repository at
 * PATH is rehearsed instead of the built-in application: each deploy is an empty commit,
 * a deploy counts as live when its state says so and the page answers 2xx or 3xx, and
 * only the faults that need nothing of the application's code are injected.
 */
public final class DeployLoopBench {

    private DeployLoopBench() {
    }

    public static void main(String[] args) {
        Path app = null;
        String branch = null;
        boolean faults = true;
        boolean verbose = false;
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--app" -> app = Path.of(args[++i]);
                case "--branch" -> branch = args[++i];
                case "--no-faults" -> faults = false;
                case "--verbose" -> verbose = true;
                default -> numbers.add(Integer.parseInt(args[i]));
            }
        }
        int deploys = numbers.size() > 0 ? numbers.get(0) : 10;
        int pollSeconds = numbers.size() > 1 ? numbers.get(1) : 5;
        boolean builtIn = app == null;
        List<Double> seconds = new ArrayList<>();
        java.util.Random random = new java.util.Random(20261125L);
        List<Faults.Outcome> outcomes = List.of();
        long failed;
        long requests;
        int processes = 0;
        boolean tasksRanNewCode = builtIn;
        boolean cacheHeaders = false;
        String servedBy = "none";
        List<Double> pushSeconds = new ArrayList<>();
        List<Double> pushDeploySeconds = new ArrayList<>();
        long woken = 0;
        FrontChecks.Maintenance maintenance = null;
        boolean badSignatureRefused = false;
        boolean report = false;
        boolean peak = false;
        try (Rehearsal r = new Rehearsal(pollSeconds, app, branch).prepareHosts()) {
            require(r.installSite());
            String first = r.commit("First commit");
            r.push();
            require(r.installEnvironment());
            if (!Rehearsal.await(Duration.ofSeconds(600), () -> first.equals(r.state("deployed")) && live(r, builtIn))) {
                throw new IllegalStateException("the first commit was not served:\n" + r.loopLog());
            }
            System.out.printf("first deploy (virtualenv and npm packages built) served; poll every %ds%n", pollSeconds);
            try (LoadClient load = new LoadClient(r, 10, 500_000, 3600, builtIn)) {
                for (int i = 1; i <= deploys; i++) {
                    if (builtIn) {
                        r.writeApp(Faults.VERSION, "VERSION = \"bench-" + i + "\"\n");
                    }
                    String sha = r.commit("Bench deploy " + i);
                    // commits arrive at any moment of the poll interval
                    Rehearsal.sleep(random.nextInt(pollSeconds * 1000));
                    long pushed = System.nanoTime();
                    r.push();
                    if (!Rehearsal.await(Duration.ofSeconds(180), () -> builtIn ? load.wasServed(sha)
                            : sha.equals(r.state("deployed")))) {
                        throw new IllegalStateException("deploy " + i + " was not served:\n" + r.loopLog());
                    }
                    double s = ((builtIn ? load.firstSeen(sha) : System.nanoTime()) - pushed) / 1e9;
                    seconds.add(s);
                    String task = "";
                    if (builtIn) {
                        String ran = r.taskRevision("bench-" + i, Duration.ofSeconds(60));
                        tasksRanNewCode &= sha.equals(ran);
                        task = sha.equals(ran) ? "; a task queued then ran its code" : "; a task queued then ran " + ran;
                    }
                    System.out.printf(Locale.ROOT, "deploy %d: %s served through NGINX %.1fs after the push%s%n",
                            i, Faults.shortSha(sha), s, task);
                    Rehearsal.await(Duration.ofSeconds(60), () -> sha.equals(r.state("deployed"))
                            && !Files.exists(r.stateDir().resolve("deploying")) && r.masters().size() == 1);
                    System.out.println("  steps: " + steps(r.loopLog(), Faults.shortSha(sha), verbose));
                }
                processes = restartedProcesses(r);
                // deploys on push: the code host's webhook through the front, right after each push
                FrontChecks front = new FrontChecks(r);
                long wakesBefore = front.wakeCount();
                for (int i = 1; i <= deploys; i++) {
                    if (builtIn) {
                        r.writeApp(Faults.VERSION, "VERSION = \"push-" + i + "\"\n");
                    }
                    String before = r.state("deployed");
                    String sha = r.commit("Push deploy " + i);
                    // the notification comes at any moment of the poll interval, as pushes do
                    Rehearsal.sleep(random.nextInt(pollSeconds * 1000));
                    r.push();
                    long notified = System.nanoTime();
                    HttpProbe.Response hook = front.notifyPush(before, sha);
                    if (hook.status() != 202) {
                        System.out.println("push deploy " + i + ": the webhook answered " + hook.status() + " " + hook.body().strip());
                    }
                    if (!Rehearsal.await(Duration.ofSeconds(180), () -> builtIn ? load.wasServed(sha)
                            : sha.equals(r.state("deployed")))) {
                        throw new IllegalStateException("push deploy " + i + " was not served:\n" + r.loopLog());
                    }
                    double s = ((builtIn ? load.firstSeen(sha) : System.nanoTime()) - notified) / 1e9;
                    pushSeconds.add(s);
                    Rehearsal.await(Duration.ofSeconds(60), () -> sha.equals(r.state("deployed"))
                            && !Files.exists(r.stateDir().resolve("deploying")) && r.masters().size() == 1);
                    // the deploy's own duration (its history line, written last), to tell it from the notification's way
                    Rehearsal.await(Duration.ofSeconds(60), () -> Rehearsal.read(r.stateDir().resolve("history")).lines()
                            .anyMatch(l -> l.contains(Faults.shortSha(sha))));
                    double took = Rehearsal.read(r.stateDir().resolve("history")).lines()
                            .filter(l -> l.contains(Faults.shortSha(sha))).reduce((a, b) -> b)
                            .map(l -> l.substring(l.lastIndexOf(' ') + 1).replace("s", ""))
                            .filter(v -> v.matches("[0-9.]+")).map(Double::parseDouble).orElse(Double.NaN);
                    pushDeploySeconds.add(took);
                    System.out.printf(Locale.ROOT, "push deploy %d: %s served through NGINX %.1fs after the webhook"
                            + " (the deploy itself: %.1fs)%n", i, Faults.shortSha(sha), s, took);
                    System.out.println("  steps: " + steps(r.loopLog(), Faults.shortSha(sha), verbose));
                }
                woken = front.wakeCount() - wakesBefore;
                badSignatureRefused = front.badSignatureRefused(r.state("deployed"));
                if (builtIn) {
                    Matcher css = Pattern.compile("css=(\\S+)").matcher(r.front().body());
                    if (css.find()) {
                        HttpProbe.Response style = r.front(css.group(1));
                        cacheHeaders = style.status() == 200 && String.valueOf(style.header("Cache-Control"))
                                .contains("max-age=31536000");
                        boolean byNginx = Rehearsal.read(r.root.resolve("var/log/nginx/verdandi-staging.access.log"))
                                .contains(css.group(1));
                        boolean byGunicorn = r.unitLog("mangaki@staging.service").contains(css.group(1));
                        servedBy = byGunicorn ? "gunicorn" : byNginx ? "nginx" : "none";
                    }
                }
                memory(r);
                if (faults) {
                    outcomes = builtIn ? new Faults(r, load).all() : new Faults(r, load).anyApplication();
                }
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
                // after the load's count: these failures are on purpose
                maintenance = front.gunicornStoppedUnderLoad(Duration.ofSeconds(5));
                System.out.printf("gunicorn stopped under load: %d requests, %d served, %d maintenance pages, %d bare 502, "
                                + "%d other %s%n", maintenance.requests(), maintenance.ok(), maintenance.maintenance503(),
                        maintenance.bare502(), maintenance.other(), maintenance.samples());
                report = front.analyticsReport();
                peak = front.peakAlert();
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        long survived = outcomes.stream().filter(Faults.Outcome::survived).count();
        // another application's pages, tasks and static files are unknown to the bench: n/a
        System.out.printf(Locale.ROOT, "deploys=%d commit_to_live_median_s=%.1f commit_to_live_max_s=%.1f "
                        + "failed_requests=%d requests=%d faults_survived=%d/%d processes=%d "
                        + "task_after_deploy_new_code=%s static_cache_headers=%s static_served_by=%s",
                seconds.size(), median, sorted.get(sorted.size() - 1), failed, requests, survived, outcomes.size(),
                processes, builtIn ? (tasksRanNewCode ? "1" : "0") : "n/a", builtIn ? (cacheHeaders ? "1" : "0") : "n/a",
                builtIn ? servedBy : "n/a");
        System.out.printf(Locale.ROOT, " commit_to_live_push_median_s=%.1f push_deploy_median_s=%.1f pushes_woken=%d/%d"
                        + " maintenance_503=%d/%d bare_502=%d webhook_bad_signature_refused=%d analytics_report=%d"
                        + " peak_alert=%d%n",
                median(pushSeconds), median(pushDeploySeconds), woken, pushSeconds.size(), maintenance.maintenance503(), maintenance.failed(),
                maintenance.bare502(), badSignatureRefused ? 1 : 0, report ? 1 : 0, peak ? 1 : 0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static final Pattern STEP = Pattern.compile(
            "step (\\w+)(?:, with step (\\w+) beside it)? \\(at (\\d+\\.\\d)s\\)");
    private static final Pattern RESTART = Pattern.compile("(?:started|restarted) \\S.* in (\\d+)s\\b");
    private static final Pattern LIVE = Pattern.compile("is live on \\S+ in (\\d+)s");

    /**
     * Where the deploy of {@code shortSha} spent its time, from the deploy loop's log: each
     * step with the seconds until the next one started ({@code build 1.2s, procfile 0.1s,
     * ...}).
     */
    static String steps(String loopLog, String shortSha, boolean verbose) {
        int from = loopLog.lastIndexOf("deploying " + shortSha);
        if (from < 0) {
            return "not in the log";
        }
        List<String> names = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        String tail = loopLog.substring(from);
        Matcher m = STEP.matcher(tail);
        int end = tail.length();
        while (m.find()) {
            names.add(m.group(2) == null ? m.group(1) : m.group(1) + "+" + m.group(2));
            starts.add(Double.parseDouble(m.group(3)));
        }
        Matcher live = LIVE.matcher(tail);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i + 1 < names.size()) {
                sb.append(String.format(Locale.ROOT, "%s %.1fs, ", names.get(i), starts.get(i + 1) - starts.get(i)));
            } else {
                sb.append(names.get(i)).append(" (last; from ").append(starts.get(i)).append("s)");
            }
        }
        Matcher restart = RESTART.matcher(tail);
        if (restart.find()) {
            sb.append("; processes restarted in ").append(restart.group(1)).append("s");
        }
        if (live.find()) {
            sb.append("; live in ").append(live.group(1)).append("s");
        }
        if (verbose) {
            tail.lines().filter(l -> l.startsWith("process-sync: ")).forEach(l -> sb.append("\n    ").append(l));
        }
        return sb.toString();
    }

    private static boolean live(Rehearsal r, boolean builtIn) {
        HttpProbe.Response page = r.front();
        return builtIn ? r.state("deployed").equals(HttpProbe.revision(page)) : page.status() >= 200 && page.status() < 400;
    }

    /** How many process units the last deploy restarted (process-sync's line in its log). */
    private static int restartedProcesses(Rehearsal r) {
        Matcher m = Pattern.compile("restarted (\\d+) process\\(es\\)").matcher(r.loopLog());
        int n = 0;
        while (m.find()) {
            n = Integer.parseInt(m.group(1));
        }
        return n;
    }

    /** Resident memory of the environment's processes and Redis, as measured now. */
    private static void memory(Rehearsal r) {
        List<Long> masters = r.masters();
        if (masters.size() == 1) {
            long master = masters.get(0);
            List<Long> workers = ProcessHandle.of(master).map(p -> p.children().map(ProcessHandle::pid).toList())
                    .orElse(List.of());
            System.out.printf("memory: gunicorn master %d MiB, %d worker(s) %d MiB in all (resident)%n",
                    rssKb(master) / 1024, workers.size(), workers.stream().mapToLong(DeployLoopBench::rssKb).sum() / 1024);
        }
        for (String process : List.of("worker", "beat")) {
            long pid = r.processPid(process);
            if (pid > 0) {
                long kb = rssKb(pid) + ProcessHandle.of(pid).map(p -> p.descendants()
                        .mapToLong(c -> rssKb(c.pid())).sum()).orElse(0L);
                System.out.printf("memory: %s %d MiB (resident, with its children)%n", process, kb / 1024);
            }
        }
        // Redis renames itself: found by its working directory
        ProcessHandle.allProcesses().filter(p -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/cwd")).equals(r.base.resolve("redis"));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().ifPresent(p -> System.out.printf("memory: redis-server %d MiB (resident)%n", rssKb(p.pid()) / 1024));
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
