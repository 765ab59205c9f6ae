package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.config.DropletSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a plan from its resources: droplets at their size's list price, backups at 20 %
 * (weekly) or 30 % (daily) of the droplet, a Spaces subscription when an environment's
 * backups copy dumps to a bucket (read from the description its backups command carries,
 * {@link DatabaseBackups#describe}: the bucket is made by hand, docs/backups.md), and everything
 * else DigitalOcean does not bill (VPC,
 * firewall, DNS, SSH keys, monitoring and uptime alerts) listed as free.
 */
public final class CostEstimator {
    static final String DROPLET = "digitalocean:index/droplet:Droplet";
    private static final java.util.regex.Pattern SPACES_BUCKET =
            java.util.regex.Pattern.compile("copied to bucket ([a-z0-9-]+) \\(");

    private static final Map<String, String> FREE = new LinkedHashMap<>();

    static {
        FREE.put("digitalocean:index/vpc:Vpc", "VPC");
        FREE.put("digitalocean:index/firewall:Firewall", "firewall");
        FREE.put("digitalocean:index/domain:Domain", "DNS zone");
        FREE.put("digitalocean:index/dnsRecord:DnsRecord", "DNS record");
        FREE.put("digitalocean:index/sshKey:SshKey", "SSH key");
        FREE.put("digitalocean:index/monitorAlert:MonitorAlert", "monitoring alert");
        FREE.put("digitalocean:index/uptimeCheck:UptimeCheck", "uptime check");
        FREE.put("digitalocean:index/uptimeAlert:UptimeAlert", "uptime alert");
        FREE.put("command:remote:Command", "remote command");
    }

    private CostEstimator() {
    }

    public static Cost estimate(List<PlannedResource> resources) {
        List<Cost.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (PlannedResource r : resources) {
            if (!r.type().equals(DROPLET)) {
                continue;
            }
            String slug = String.valueOf(r.inputs().get("size"));
            DropletSize size = DropletSize.bySlug(slug).orElseThrow(() -> new IllegalStateException(
                    "droplet " + r.name() + " has a size with no known price: " + slug));
            lines.add(new Cost.Line("droplet " + r.name(), size.slug(), size.monthlyUsd()));
            total = total.add(size.monthlyUsd());
            if (Boolean.TRUE.equals(r.inputs().get("backups"))) {
                String plan = backupPlan(r);
                BigDecimal surcharge = plan.equals("daily") ? Backups.daily(0).surcharge()
                        : Backups.defaults().surcharge();
                BigDecimal price = size.monthlyUsd().multiply(surcharge).setScale(2, RoundingMode.HALF_UP);
                lines.add(new Cost.Line("backups of " + r.name(),
                        plan + ": +" + surcharge.movePointRight(2).stripTrailingZeros().toPlainString()
                                + " % of $" + size.monthlyUsd().toPlainString(),
                        price));
                total = total.add(price);
            }
        }
        List<String> buckets = resources.stream().filter(r -> r.type().equals("command:remote:Command"))
                .map(r -> SPACES_BUCKET.matcher(String.valueOf(r.inputs().get("delete"))))
                .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).distinct().sorted().toList();
        if (!buckets.isEmpty()) {
            BigDecimal price = DatabaseBackups.SPACES_MONTHLY_USD;
            lines.add(new Cost.Line("Spaces (dumps in " + String.join(", ", buckets) + ")",
                    "subscription: 250 GiB, 1 TiB out", price));
            total = total.add(price);
        }
        FREE.forEach((type, label) -> {
            long n = resources.stream().filter(r -> r.type().equals(type)).count();
            if (n > 0) {
                lines.add(new Cost.Line(n + " " + label + (n > 1 ? "s" : ""), "free", BigDecimal.ZERO));
            }
        });
        return new Cost(lines, total.setScale(2, RoundingMode.HALF_UP));
    }

    private static String backupPlan(PlannedResource droplet) {
        Object policy = droplet.inputs().get("backupPolicy");
        if (policy instanceof Map<?, ?> m && m.get("plan") != null) {
            return String.valueOf(m.get("plan"));
        }
        return "weekly";
    }
}
