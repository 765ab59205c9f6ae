package fr.mangaki.verdandi.config;

import fr.mangaki.verdandi.config.internal.Cidr;
import fr.mangaki.verdandi.config.internal.GitRefs;
import fr.mangaki.verdandi.config.internal.Node;
import fr.mangaki.verdandi.config.internal.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A stack's validated settings (DESIGN §8), read from the {@code mangaki:} namespace of its
 * configuration. Every key is checked before any resource is declared; unknown keys are
 * problems too, and all problems are reported at once in one {@link ConfigException}.
 *
 * @param stack         the stack name ({@code production})
 * @param region        the DigitalOcean region slug
 * @param domain        the DNS zone every environment's domains live in
 * @param hosting       platform (owns the droplets) or guest
 * @param platformStack for a guest, the platform's stack ({@code org/project/stack})
 * @param front         for a platform, the front droplet's size
 * @param app           for a platform, the app droplet's size and backups
 * @param sshKeys       for a platform, the public keys allowed to log in as the admin user
 * @param adminCidrs    for a platform, the networks allowed to reach SSH
 * @param alerts        who is alerted, and past which thresholds; empty: no alerts
 * @param environment   the environment this stack installs
 * @param acme          where the front gets the environment's certificates; Let's Encrypt,
 *                      no contact, by default
 */
public record StackSettings(
        String stack,
        String region,
        String domain,
        Hosting hosting,
        Optional<String> platformStack,
        Optional<DropletSize> front,
        Optional<AppSettings> app,
        List<String> sshKeys,
        List<String> adminCidrs,
        Optional<Alerts> alerts,
        EnvironmentSettings environment,
        Acme acme) {

    /** The namespace of Verdandi's keys. */
    public static final String NAMESPACE = "mangaki";

    /** The app droplet: its size and backups. */
    public record AppSettings(DropletSize size, Backups backups) {
    }

    static final List<String> KEYS = List.of(
            "region", "domain", "hosting", "platformStack", "front", "app", "sshKeys",
            "adminCidrs", "alerts", "environment", "acme");

    private static final List<String> HOSTINGS = List.of("platform", "guest");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9-]{0,21}[a-z0-9]|[a-z]");
    private static final Pattern STACK_REF = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[a-z0-9.-]+\\.[a-z]{2,63}", Pattern.CASE_INSENSITIVE);
    private static final Pattern SSH_KEY = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com"
                    + "|sk-ecdsa-sha2-nistp256@openssh\\.com) [A-Za-z0-9+/]+={0,3}( \\S.*)?");
    private static final Pattern REPOSITORY = Pattern.compile(
            "(https?|ssh|git|file)://[A-Za-z0-9@:/._~+%-]+|[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[A-Za-z0-9/._~+%-]+");
    private static final Pattern ACME_DIRECTORY = Pattern.compile(
            "https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%/-]*)?");
    private static final Pattern BRANCH_CHARS = Pattern.compile("[A-Za-z0-9._/-]+");

    public StackSettings {
        sshKeys = List.copyOf(sshKeys);
        adminCidrs = List.copyOf(adminCidrs);
    }

    /**
     * Reads and validates a stack's configuration.
     *
     * @param stack  the stack name
     * @param config every configuration key of the stack, namespaced ({@code mangaki:region});
     *               values are strings, numbers, booleans, lists or maps; keys of other
     *               namespaces belong to providers and are left alone, except a DigitalOcean
     *               token in clear, which is refused
     * @throws ConfigException with every problem found
     */
    public static StackSettings parse(String stack, Map<String, ?> config) {
        Problems problems = new Problems();
        Set<String> known = new TreeSet<>();
        for (String k : KEYS) {
            known.add(NAMESPACE + ":" + k);
        }
        config.forEach((key, value) -> {
            if (key.startsWith(NAMESPACE + ":") && !known.contains(key)) {
                problems.add(key + ": unknown key (known keys: " + String.join(", ", known) + ")");
            }
            if (key.equals("digitalocean:token") && value instanceof String) {
                problems.add(key + ": [secret] is in clear; set it with `pulumi config set --secret "
                        + "digitalocean:token` or DIGITALOCEAN_TOKEN");
            }
        });
        Map<String, ?> cfg = config;
        java.util.function.Function<String, Node> node =
                k -> new Node(NAMESPACE + ":" + k, cfg.get(NAMESPACE + ":" + k), problems);

        Optional<String> region = required(node.apply("region")).oneOf(Region.SLUGS);
        Optional<String> domain = required(node.apply("domain")).string(DOMAIN, "a lower-case DNS domain");
        Node hostingNode = node.apply("hosting");
        Hosting hosting = hostingNode.isPresent()
                ? hostingNode.oneOf(HOSTINGS).map(h -> Hosting.valueOf(h.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(null)
                : Hosting.PLATFORM;

        Node platformStackNode = node.apply("platformStack");
        Node frontNode = node.apply("front");
        Node appNode = node.apply("app");
        Node sshKeysNode = node.apply("sshKeys");
        Node cidrsNode = node.apply("adminCidrs");
        Optional<String> platformStack = Optional.empty();
        if (hosting == Hosting.GUEST) {
            platformStack = required(platformStackNode).string(STACK_REF, "a stack reference org/project/stack");
            for (Node n : List.of(frontNode, appNode, sshKeysNode, cidrsNode)) {
                if (n.isPresent()) {
                    n.problemAboutKey("is not allowed on a guest stack (the platform stack "
                            + "declares the droplets); remove it or set mangaki:hosting to platform");
                }
            }
        } else if (hosting == Hosting.PLATFORM) {
            if (platformStackNode.isPresent()) {
                platformStackNode.problemAboutKey("is only for guest stacks (mangaki:hosting: guest)");
            }
            required(frontNode);
            required(appNode);
            required(sshKeysNode);
            required(cidrsNode);
        }

        Optional<DropletSize> front = frontNode.object(List.of("size"))
                .flatMap(o -> size(o.require("size")));
        Optional<AppSettings> app = appNode.object(List.of("size", "backups")).flatMap(o -> {
            Optional<DropletSize> size = size(o.require("size"));
            Node b = o.get("backups");
            Optional<Backups> backups = b.isPresent() ? backups(b) : Optional.of(Backups.defaults());
            return size.flatMap(s -> backups.map(bk -> new AppSettings(s, bk)));
        });
        List<String> sshKeys = sshKeysNode.listOf(n -> n.string(SSH_KEY,
                "an OpenSSH public key (\"ssh-ed25519 AAAA... comment\")")).orElse(List.of());
        nonEmpty(sshKeysNode);
        List<String> cidrs = cidrsNode.listOf(StackSettings::cidr).orElse(List.of());
        nonEmpty(cidrsNode);

        Optional<Alerts> alerts = alerts(node.apply("alerts"), hosting == Hosting.GUEST);
        Optional<EnvironmentSettings> environment = environment(required(node.apply("environment")), domain);
        Acme acme = acme(node.apply("acme"));

        problems.throwIfAny();
        return new StackSettings(stack, region.orElseThrow(), domain.orElseThrow(), hosting, platformStack,
                front, app, sshKeys, cidrs, alerts, environment.orElseThrow(), acme);
    }

    public boolean isPlatform() {
        return hosting == Hosting.PLATFORM;
    }

    private static Node required(Node n) {
        if (!n.isPresent()) {
            n.problemAboutKey("is required");
        }
        return n;
    }

    private static void nonEmpty(Node n) {
        n.list().filter(List::isEmpty).ifPresent(l -> n.problemAboutKey("must list at least one value"));
    }

    private static Optional<DropletSize> size(Node n) {
        return n.oneOf(DropletSize.slugs()).flatMap(DropletSize::bySlug);
    }

    private static Optional<Backups> backups(Node n) {
        return n.object(List.of("plan", "weekday", "hour")).flatMap(o -> {
            Node planNode = o.get("plan");
            Optional<String> plan = planNode.isPresent() ? planNode.oneOf(Backups.PLANS) : Optional.of("weekly");
            Node dayNode = o.get("weekday");
            Optional<String> weekday = dayNode.oneOf(Backups.WEEKDAYS);
            if (plan.filter("daily"::equals).isPresent() && dayNode.isPresent()) {
                dayNode.problem("is not allowed with plan daily (daily backups have no weekday)");
                return Optional.empty();
            }
            if (plan.filter("weekly"::equals).isPresent() && !dayNode.isPresent()) {
                weekday = Optional.of("SUN");
            }
            Node hourNode = o.get("hour");
            Optional<Integer> hour = hourNode.isPresent() ? hourNode.integerOneOf(Backups.HOURS) : Optional.of(4);
            if (plan.isEmpty() || hour.isEmpty() || (dayNode.isPresent() && weekday.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Backups(plan.get(), plan.get().equals("weekly") ? weekday : Optional.empty(),
                    hour.get()));
        });
    }

    private static Optional<String> cidr(Node n) {
        return n.string().filter(s -> {
            if (Cidr.isValid(s)) {
                return true;
            }
            n.problem("is not an IPv4 or IPv6 network in CIDR notation (e.g. 203.0.113.0/24)");
            return false;
        });
    }

    private static Optional<Alerts> alerts(Node n, boolean guest) {
        List<String> keys = guest ? List.of("email") : List.of("email", "cpuPercent", "memoryPercent", "diskPercent");
        return n.object(keys).flatMap(o -> {
            Node emailNode = o.require("email");
            Optional<List<String>> emails = emailNode.listOf(e -> e.string(EMAIL, "an e-mail address"));
            nonEmpty(emailNode);
            int cpu = percent(o.get("cpuPercent"), Alerts.DEFAULT_CPU_PERCENT);
            int memory = percent(o.get("memoryPercent"), Alerts.DEFAULT_MEMORY_PERCENT);
            int disk = percent(o.get("diskPercent"), Alerts.DEFAULT_DISK_PERCENT);
            return emails.filter(l -> !l.isEmpty()).map(l -> new Alerts(l, cpu, memory, disk));
        });
    }

    private static Acme acme(Node n) {
        if (!n.isPresent()) {
            return Acme.letsEncrypt();
        }
        return n.object(List.of("directory", "email")).map(o -> {
            Node dir = o.get("directory");
            String directory = dir.isPresent()
                    ? dir.string(ACME_DIRECTORY, "an https:// URL of an ACME directory").orElse(Acme.LETS_ENCRYPT)
                    : Acme.LETS_ENCRYPT;
            Node emailNode = o.get("email");
            Optional<String> email = emailNode.isPresent() ? emailNode.string(EMAIL, "an e-mail address") : Optional.empty();
            return new Acme(directory, email);
        }).orElse(Acme.letsEncrypt());
    }

    private static int percent(Node n, int fallback) {
        return n.isPresent() ? n.integer(1, 100).orElse(fallback) : fallback;
    }

    private static Optional<EnvironmentSettings> environment(Node n, Optional<String> zone) {
        return n.object(List.of("name", "branch", "domains", "port", "repository", "gates", "pollSeconds"))
                .flatMap(o -> {
                    Optional<String> name = o.require("name").string(ENV_NAME,
                            "an environment name (lower-case letters, digits and '-', at most 23, starting with a letter)");
                    Optional<String> branch = o.require("branch").string().filter(b -> {
                        if (GitRefs.isValidBranch(b) && BRANCH_CHARS.matcher(b).matches()) {
                            return true;
                        }
                        o.get("branch").problem("is not a valid git branch name of letters, digits, '.', '_', '/' "
                                + "and '-'");
                        return false;
                    });
                    Node domainsNode = o.require("domains");
                    Optional<List<String>> domains = domainsNode.listOf(d -> d.string(DOMAIN, "a lower-case DNS domain")
                            .filter(s -> inside(d, s, zone)));
                    nonEmpty(domainsNode);
                    domains.ifPresent(l -> l.stream().filter(d -> l.indexOf(d) != l.lastIndexOf(d)).distinct()
                            .forEach(d -> domainsNode.problemAboutKey("lists \"" + d + "\" more than once")));
                    Optional<Integer> port = o.require("port").integer(1024, 65535);
                    Optional<String> repository = o.require("repository").string(REPOSITORY,
                            "a git URL (https://, ssh://, git://, file:// or user@host:path)");
                    Node gatesNode = o.get("gates");
                    List<String> gates = gatesNode.listOf(g -> g.string().filter(s -> {
                        if (!s.isBlank()) {
                            return true;
                        }
                        g.problem("is empty (a gate is a shell command)");
                        return false;
                    })).orElse(List.of());
                    Node pollNode = o.get("pollSeconds");
                    Optional<Integer> poll = pollNode.isPresent() ? pollNode.integer(1, 3600) : Optional.of(5);
                    if (name.isEmpty() || branch.isEmpty() || domains.isEmpty() || port.isEmpty()
                            || repository.isEmpty() || poll.isEmpty() || domains.get().isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new EnvironmentSettings(name.get(), branch.get(), domains.get(), port.get(),
                            repository.get(), gates, poll.get()));
                });
    }

    private static boolean inside(Node n, String domain, Optional<String> zone) {
        if (zone.isEmpty() || domain.equals(zone.get()) || domain.endsWith("." + zone.get())) {
            return true;
        }
        n.problem("is not inside the zone mangaki:domain (\"" + zone.get() + "\")");
        return false;
    }
}
