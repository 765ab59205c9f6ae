package fr.mangaki.verdandi.host.rehearsal;

import fr.mangaki.verdandi.host.HostFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The front's own jobs in the rehearsal (docs/deploy.md, "The front"): deploys on push through
 * the front's webhook, the maintenance page while gunicorn is stopped under load, the GoAccess
 * report and the peak alerts of the front's access log.
 */
public final class FrontChecks {

    private final Rehearsal r;
    private final PushWebhookStandIn github = new PushWebhookStandIn(Rehearsal.WEBHOOK_SECRET);

    public FrontChecks(Rehearsal r) {
        this.r = r;
    }

    /** GitHub's delivery of a push of the head of the work tree to branch staging, through the front. */
    public HttpProbe.Response notifyPush(String before, String after) {
        return PushWebhookStandIn.send(r.httpPort, Rehearsal.DOMAIN, github.push("staging", before, after));
    }

    /** How many times the look-now listener told the deploy loop to look now. */
    public long lookNowCount() {
        return r.unitLog("verdandi-look-now@" + Rehearsal.ENV + ".service").lines()
                .filter(l -> l.contains("the deploy loop looks now")).count();
    }

    /** How many times the deploy loop woke up because it was told to. */
    public long wakeCount() {
        return r.loopLog().lines().filter(l -> l.contains("told to look now")).count();
    }

    /**
     * A push with a signature under another secret: refused with 401, and nothing told to the
     * app host.
     */
    public boolean badSignatureRefused(String sha) {
        long before = lookNowCount();
        HttpProbe.Response refused = PushWebhookStandIn.send(r.httpPort, Rehearsal.DOMAIN,
                new PushWebhookStandIn("not-the-webhook-secret-5e1d0c").push("staging", sha, sha));
        Rehearsal.sleep(500);
        return refused.status() == 401 && lookNowCount() == before;
    }

    /** What clients saw while gunicorn was stopped (ok: 2xx and 3xx). */
    public record Maintenance(long requests, long ok, long maintenance503, long bare502, long other, List<String> samples) {
        /** Failed requests: all but the 2xx. */
        public long failed() {
            return requests - ok;
        }
    }

    /**
     * Stops gunicorn (its unit, as systemd would) while 4 clients keep requesting through the
     * front, keeps it stopped for {@code down}, starts it again and waits until it serves.
     * Counts the answers: 200, the maintenance page (503, Retry-After, the page's text), a bare
     * 502, anything else (a reset, another status).
     */
    public Maintenance gunicornStoppedUnderLoad(Duration down) {
        String page = Rehearsal.read(r.root.resolve(HostFiles.SCRIPT_DIR.substring(1) + "/maintenance/default.html"));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong maintenance = new AtomicLong();
        AtomicLong bare502 = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    HttpProbe.Response resp = r.front();
                    requests.incrementAndGet();
                    if (resp.status() >= 200 && resp.status() < 400) {
                        ok.incrementAndGet();
                    } else if (resp.status() == 503 && "30".equals(resp.header("Retry-After")) && resp.body().equals(page)) {
                        maintenance.incrementAndGet();
                    } else {
                        (resp.status() == 502 ? bare502 : other).incrementAndGet();
                        if (samples.size() < 5) {
                            samples.add(resp.status() + " " + resp.body().strip().lines().findFirst().orElse(""));
                        }
                    }
                    Rehearsal.sleep(20);
                }
            }, "maintenance-client-" + i);
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }
        Path stand = Rehearsal.RESOURCES.resolve("systemctl-stand-in");
        String unit = "mangaki@" + Rehearsal.ENV + ".service";
        Rehearsal.sleep(1000);
        r.runScript(List.of(stand.toString(), "stop", unit), null).requireSuccess();
        Rehearsal.sleep(down.toMillis());
        r.runScript(List.of(stand.toString(), "start", unit), null).requireSuccess();
        Rehearsal.await(Duration.ofSeconds(120), () -> r.front().status() >= 200 && r.front().status() < 400);
        Rehearsal.sleep(1000);
        running.set(false);
        for (Thread t : clients) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Maintenance(requests.get(), ok.get(), maintenance.get(), bare502.get(), other.get(), List.copyOf(samples));
    }

    /** Runs the report of the environment; true when GoAccess wrote one that counts the front's requests. */
    public boolean analyticsReport() {
        Proc.Result run = r.runScript(List.of(r.root + HostFiles.SCRIPT_DIR + "/analytics-report", Rehearsal.ENV), null);
        Path html = r.root.resolve("var/lib/verdandi/analytics/" + Rehearsal.ENV + "/index.html");
        if (run.exit() != 0 || !Files.exists(html)) {
            System.out.println("analytics report: " + run.output());
            return false;
        }
        String report = Rehearsal.read(html);
        return report.contains("Mangaki " + Rehearsal.ENV) && report.contains("\"data\": \"127.0.0.0\"");
    }

    /**
     * Runs the alert check now (the client's traffic is above the rehearsal's 60 requests per
     * minute), again (nothing new), then as if 15 minutes had passed: Slack must hear of the
     * peak once, then once that it is over.
     */
    public boolean peakAlert() {
        long now = System.currentTimeMillis() / 1000;
        String check = r.root + HostFiles.SCRIPT_DIR + "/front-alerts";
        for (long at : List.of(now, now, now + 900)) {
            Proc.Result run = r.runScript(List.of(check, Rehearsal.ENV, "--now", Long.toString(at)), null);
            if (run.exit() != 0) {
                System.out.println("front alerts: " + run.output());
                return false;
            }
        }
        return Rehearsal.await(Duration.ofSeconds(10), () -> r.slackWith("*staging*: traffic peak").size() == 1
                && r.slackWith("*staging*: the traffic peak is over").size() == 1);
    }
}
