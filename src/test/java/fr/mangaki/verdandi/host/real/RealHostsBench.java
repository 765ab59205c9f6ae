package fr.mangaki.verdandi.host.real;

import fr.mangaki.verdandi.host.real.RealHosts.Figures;

/**
 * {@code bench/real-hosts}: one run of {@link RealHosts}, progress on standard error, the
 * figures as the last line of standard output. Exit status 1 when a check fails (the
 * message names the machine, the module or unit, and the end of its journal), or when
 * the figures are not those of a sound run. Ended by a signal (SIGTERM, SIGINT: a CI
 * time limit, Ctrl-C), it still stops everything the run started before exiting.
 */
public final class RealHostsBench {

    private RealHostsBench() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Figures figures = null;
        RealHosts hosts = new RealHosts(m -> System.err.println("real-hosts: " + m));
        Thread interrupted = new Thread(() -> {
            System.err.println("real-hosts: ended by a signal: stopping what the run started");
            hosts.close();
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            figures = hosts.run();
        } catch (RuntimeException | AssertionError e) {
            // said before the teardown, which takes a while
            System.err.println("real-hosts: error: " + e.getMessage());
            e.printStackTrace();
        } finally {
            hosts.close();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is the one closing
            }
        }
        if (figures == null) {
            System.exit(1);
            return;
        }
        System.err.printf("real-hosts: whole run %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.out.println(figures.line());
        if (!figures.sound()) {
            System.err.println("real-hosts: error: the figures are not those of a sound run");
            System.exit(1);
        }
    }
}
