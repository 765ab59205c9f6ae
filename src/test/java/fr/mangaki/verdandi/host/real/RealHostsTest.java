package fr.mangaki.verdandi.host.real;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rehearsal's readings of what the machines print, on text as they print it. */
class RealHostsTest {

    private static final String ESC = "\u001B";

    @Test
    void readsTheStopJobsAShutdownWaitedOn() {
        // systemd 252's status line on the console, as a machine of the rehearsal wrote it:
        // colours, the cylon, and carriage returns rewriting the line in place
        String console = "         Stopping " + ESC + "[0;1;39mprobe-stuck.servi…" + ESC + "[0m - Probe...\r\r\n"
                + "[" + ESC + "[0m" + ESC + "[0;31m*     " + ESC + "[0m] Job probe-stuck.service/stop running (2s / 15s)\r\r\n"
                + ESC + "M" + ESC + "[K[" + ESC + "[0;31m**    " + ESC + "[0m] Job probe-stuck.service/stop running (3s / 15s)\r\r\n"
                + "[ ***  ] A stop job is running for User Manager for UID 1000 (5s / 2min)\r\n"
                + "[  OK  ] Stopped user@1000.service - User Manager for UID 1000.\n";
        assertEquals(List.of("probe-stuck.service", "User Manager for UID 1000"), RealHosts.stopJobsShown(console));
    }

    @Test
    void readsNoStopJobInAShutdownThatWaitedOnNone() {
        String console = "         Stopping " + ESC + "[0;1;39muser@1000.service" + ESC + "[0m - User Manager for UID 1000...\r\n"
                + "[" + ESC + "[0;32m  OK  " + ESC + "[0m] Stopped user@1000.service - User Manager for UID 1000.\r\n"
                + "[  OK  ] Finished systemd-reboot.service - System Reboot.\r\n"
                + "2026-11-30T10:41:20Z systemd-nspawn exited with status 133\n";
        assertEquals(List.of(), RealHosts.stopJobsShown(console));
    }

    @Test
    void namesTheModuleOfACloudInitProblem() {
        assertEquals("mounts", RealHosts.moduleOf("('mounts', ProcessExecutionError('swapon -a'))"));
        assertEquals("cc_mounts", RealHosts.moduleOf("2026-11-30 10:36:58,297 - cc_mounts.py[WARNING]: Activate mounts"));
        assertEquals("(runcmd or a module's output)", RealHosts.moduleOf("sysctl: cannot stat /proc/sys/x"));
    }

    @Test
    void namesTheModulesOfTheSchemaErrors() {
        // what `cloud-init schema --system` (22.4) printed on a machine of the rehearsal
        String printed = "Cloud config schema deprecations: \nError:\nCloud config schema errors: ntp.enabled: 'perhaps'"
                + " is not of type 'boolean', write_files.0.encoding: 'no-such-encoding' is not one of ['gz', 'gzip',"
                + " 'gz+base64', 'gzip+base64', 'gz+b64', 'gzip+b64', 'b64', 'base64', 'text/plain']\n";
        assertEquals(List.of("ntp", "write_files"), RealHosts.schemaModules(printed));
        assertEquals(List.of("packages"), RealHosts.schemaModules("Cloud config schema errors: packages: 3 is not of type 'array'"));
        assertEquals(List.of("(cloud-init schema names none)"), RealHosts.schemaModules("Valid cloud-config: system userdata"));
    }

    @Test
    void takesTheMedianOfOddAndEvenCounts() {
        assertEquals(8.6, RealHosts.median(List.of(9.3, 8.6, 7.1)));
        assertEquals(8.0, RealHosts.median(List.of(9.0, 7.0, 10.0, 6.0, 8.5, 7.5)));
    }

    @Test
    void readsWhenTheDeployLoopWasToldAndWhenItsDeployStarted() {
        // journalctl -o short-unix of verdandi-deploy@production.service, as a machine of the rehearsal wrote it
        String journal = """
                1764512000.100000 mangaki-app verdandi-deploy-production[812]: deploy-loop: watching environment production
                1764512040.250000 mangaki-app verdandi-deploy-production[812]: deploy-loop: told to look now (a push reached the front)
                1764512100.500000 mangaki-app verdandi-deploy-production[812]: deploy-loop: told to look now (a push reached the front)
                1764512100.900000 mangaki-app verdandi-deploy-production[901]: deploy: deploying 3f2a9c1 "Version 1" by Ada Lovelace to production (previous: 0d4b7e2)
                1764512105.000000 mangaki-app verdandi-deploy-production[901]: deploy: 3f2a9c1 is live on production in 5s
                """;
        String sha = "3f2a9c1d0e5b6a7f8091a2b3c4d5e6f708192a3b";
        assertEquals(java.util.Optional.of(new RealHosts.Woken(1764512100.5, 1764512100.9)),
                RealHosts.woken(journal, 1764512100.0, sha), "the wake after the delivery, then the deploy naming the commit");
        assertEquals(java.util.Optional.of(new RealHosts.Woken(1764512040.25, 1764512040.25)),
                RealHosts.woken(journal, 1764512040.0, null), "a wake with no commit to deploy");
        assertEquals(java.util.Optional.empty(), RealHosts.woken(journal, 1764512101.0, sha),
                "no wake after the delivery: a deploy started by a poll is not a wake");
        assertEquals(java.util.Optional.empty(), RealHosts.woken(journal, 1764512100.0, "0000000d0e5b6a7f8091a2b3c4d5e6f708192a3b"),
                "woken, but no deploy of that commit");
        assertEquals(java.util.Optional.empty(), RealHosts.woken("-- No entries --\n", 0, null));
    }
}
