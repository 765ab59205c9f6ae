package fr.mangaki.verdandi.host.real;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a systemd-nspawn machine cannot do that a droplet does, written down: the only
 * cloud-init errors and failed units the real-hosts rehearsal tolerates. Anything else is
 * a real fault and fails the run. Each limit names why the container refuses it.
 */
public final class ContainerLimits {

    /** One tolerated failure: where it shows, a pattern it must match, and why. */
    public record Limit(Kind kind, Pattern pattern, String why) {
        public boolean matches(String text) {
            return pattern.matcher(text).find();
        }
    }

    /** Where a failure shows. */
    public enum Kind {
        /**
         * A line of cloud-init's reports that tells of a problem: an entry of {@code errors}
         * in {@code /run/cloud-init/result.json}, a {@code [WARNING]} of
         * {@code /var/log/cloud-init.log}, or a line of {@code /var/log/cloud-init-output.log}
         * (what the modules and {@code runcmd} printed) that speaks of an error, a failure, a
         * denial or something missing. Cloud-init 22.4 reports a module that only warns, and a
         * {@code runcmd} line that fails before the last one, as "done".
         */
        CLOUD_INIT,
        /** A unit listed by {@code systemctl --failed}. */
        FAILED_UNIT
    }

    /** The written list. */
    public static final List<Limit> LIMITS = List.of(
            new Limit(Kind.CLOUD_INIT, Pattern.compile("\\[WARNING\\]: Activate mounts: FAIL:swapon -a$"),
                    "no swap in a container: cloud-init's mounts module makes /swapfile and its fstab entry,"
                            + " swapon is not permitted"),
            new Limit(Kind.CLOUD_INIT, Pattern.compile("^Stderr: swapon: /swapfile: swapon failed: Operation not permitted$"),
                    "no swap in a container (the same refusal, as the mounts module logs it)"),
            new Limit(Kind.CLOUD_INIT, Pattern.compile("^sysctl: permission denied on key \"(kernel\\.pid_max|vm\\.swappiness"
                    + "|fs\\.protected_(fifos|hardlinks|regular|symlinks))\"$"),
                    "a container may not set the host kernel's keys: runcmd's `sysctl --system` (Debian's defaults"
                            + " and the droplets' vm.swappiness) is refused them"),
            new Limit(Kind.CLOUD_INIT, Pattern.compile("^Failed to dump process list for '[a-z0-9@._-]+\\.service',"
                    + " ignoring: Input/output error$"),
                    "systemd 252 in a container on this host's legacy cgroup hierarchy (`systemctl status`"
                            + " says \"Tainted: cgroupsv1\") cannot always list a unit's processes; `systemctl status`,"
                            + " which a package's trigger runs (nginx's), warns and goes on (systemd issues 22089,"
                            + " 32259). A droplet's Debian 12 runs the unified hierarchy"));

    /** The lines of cloud-init's output log that tell of a problem (apt's progress lines aside). */
    public static final Pattern PROBLEM = Pattern.compile("(?i)error|fail|denied|not found|cannot|unable|warn");
    private static final Pattern APT_PROGRESS = Pattern.compile(
            "^(Get:|Hit:|Ign:|Selecting|Preparing|Unpacking|Setting up|Processing|Suggested|Recommended|  )");

    /** Whether a line of cloud-init's output log tells of a problem. */
    public static boolean isProblem(String outputLine) {
        return PROBLEM.matcher(outputLine).find() && !APT_PROGRESS.matcher(outputLine).find();
    }

    private ContainerLimits() {
    }

    /** The limit that explains {@code text} of {@code kind}, if one does. */
    public static Optional<Limit> explain(Kind kind, String text) {
        return LIMITS.stream().filter(l -> l.kind() == kind && l.matches(text)).findFirst();
    }
}
