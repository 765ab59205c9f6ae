package fr.mangaki.verdandi.host.real;

import fr.mangaki.verdandi.host.real.ContainerLimits.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The written list of container limits, with what it tolerates and what it must not. */
class ContainerLimitsTest {

    @ParameterizedTest(name = "{0}: {1} -> tolerated={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            CLOUD_INIT  | 2026-11-30 07:21:14,559 - cc_mounts.py[WARNING]: Activate mounts: FAIL:swapon -a | true
            CLOUD_INIT  | 2026-11-30 07:21:14,559 - util.py[WARNING]: Activate mounts: FAIL:swapon -a       | true
            CLOUD_INIT  | Stderr: swapon: /swapfile: swapon failed: Operation not permitted                 | true
            CLOUD_INIT  | sysctl: permission denied on key "vm.swappiness"                                   | true
            CLOUD_INIT  | sysctl: permission denied on key "kernel.pid_max"                                  | true
            CLOUD_INIT  | sysctl: permission denied on key "fs.protected_regular"                            | true
            CLOUD_INIT  | sysctl: permission denied on key "net.ipv4.ip_forward"                             | false
            CLOUD_INIT  | 2026-11-30 07:21:14,559 - cc_mounts.py[WARNING]: Activate mounts: FAIL:mount -a    | false
            CLOUD_INIT  | 2026-11-30 07:21:15,001 - cc_package_update_upgrade_install.py[WARNING]: Failed to install packages | false
            CLOUD_INIT  | env-install: error: psql is missing                                                | false
            CLOUD_INIT  | hostname: Temporary failure in name resolution                                     | false
            CLOUD_INIT  | swapfile.swap                                                                      | false
            CLOUD_INIT  | Failed to dump process list for 'nginx.service', ignoring: Input/output error      | true
            CLOUD_INIT  | Failed to dump process list for 'nginx.service', ignoring: Permission denied       | false
            CLOUD_INIT  | Failed to start nginx.service: Input/output error                                  | false
            FAILED_UNIT | swapfile.swap                                                                      | false
            FAILED_UNIT | nginx.service                                                                      | false
            FAILED_UNIT | mangaki@production.service                                                         | false
            FAILED_UNIT | other-swapfile.swap                                                                | false
            """)
    void toleratesOnlyTheWrittenLimits(Kind kind, String text, boolean tolerated) {
        assertEquals(tolerated, ContainerLimits.explain(kind, text.strip()).isPresent());
    }

    @ParameterizedTest(name = "{0} -> problem={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            sysctl: permission denied on key "vm.swappiness"               | true
            site-install: error: nginx rejected the server block           | true
            E: Unable to locate package nginx                               | true
            Failed to restart nginx.service: Unit nginx.service not found.  | true
            Setting up libgpg-error0:amd64 (1.46-1) ...                     | false
            Unpacking libpam-systemd:amd64 (252.39-1~deb12u2) ...           | false
            Get:1 http://deb.debian.org/debian bookworm/main amd64 libfail  | false
            Created symlink /etc/systemd/system/multi-user.target.wants/x   | false
            """)
    void tellsProblemLinesFromAptProgress(String line, boolean problem) {
        assertEquals(problem, ContainerLimits.isProblem(line.strip()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ('mounts', ProcessExecutionError('swapon'))                                   | mounts
            2026-11-30 07:21:14,559 - cc_mounts.py[WARNING]: Activate mounts: FAIL:swapon -a | cc_mounts
            env-install: error: psql is missing                                            | (runcmd or a module's output)
            """)
    void namesTheModuleOfAProblem(String problem, String module) {
        assertEquals(module, RealHosts.moduleOf(problem.strip()));
    }
}
