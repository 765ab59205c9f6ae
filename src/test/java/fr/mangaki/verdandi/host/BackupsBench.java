package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.component.internal.LoopbackSshd;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import fr.mangaki.verdandi.secrets.GnuPG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of bench/backups, on the rehearsal's real PostgreSQL, GnuPG and a loopback
 * sshd standing for the front: a database of at least {@code minMegabytes} MB made here,
 * a nightly dump (checked, encrypted, copied to the front), then the drill: the database
 * is dropped, env-restore brings it back from the encrypted dump, and the rows are counted.
 * Prints progress on standard error, then, last on standard output, {@code backup_ok=1 dump_encrypted=1 offsite_copy=1 restore_ok=1
 * rows_after_restore=N/N restore_s=X dump_s=Y}.
 *
 * <p>Arguments: [minMegabytes (default 100)].
 */
public final class BackupsBench {

    private static final String PASSPHRASE = "bench passphrase";

    private BackupsBench() {
    }

    public static void main(String[] args) throws Exception {
        int minMegabytes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String line;
        try (Rehearsal r = new Rehearsal(5).prepareHosts();
             GnuPG team = new GnuPG(r.base.resolve("team"))) {
            GnuPG.Key key = team.generate("Team <team@mangaki.test>", "cv25519", PASSPHRASE);
            require(r.installEnvironment());
            long megabytes = 0;
            while (megabytes < minMegabytes) {
                BackupsTest.seed(r, 250_000);
                megabytes = Long.parseLong(BackupsTest.sql(r, "postgres",
                        "SELECT pg_database_size('mangaki-staging')")) / 1_000_000;
                System.err.printf("database mangaki-staging: %d MB%n", megabytes);
            }
            String rows = BackupsTest.sql(r, BackupsTest.DB, "SELECT count(*) FROM ratings");
            String digest = digest(r);
            try (LoopbackSshd front = BackupsTest.startFront(r)) {
                require(r.runScript(r.commands().installBackupsTokens("staging", DatabaseBackups.nightly(3, 14),
                        "127.0.0.1", front.port()), new String(team.exportPublic(key), StandardCharsets.US_ASCII)));
                String appKey = Files.readString(r.root.resolve("etc/verdandi/staging/backup-ssh/id_ed25519.pub"));
                require(r.runScript(r.commands().installDumpsTokens("staging", 14), appKey));
                Path received = r.root.resolve("var/backups/verdandi-dumps/staging");
                BackupsTest.chown(received, BackupsTest.uidIn(r.base.resolve("front-sshd/etc/passwd"), "verdandi-dumps"));

                long start = System.nanoTime();
                Proc.Result backup = r.runScript(List.of(BackupsTest.script(r, "env-backup"), "staging"), null);
                double dumpSeconds = (System.nanoTime() - start) / 1e9;
                System.err.print(backup.output());
                boolean backupOk = backup.exit() == 0;
                Path dump = BackupsTest.onlyDump(r.root.resolve("var/backups/verdandi/staging"));
                boolean encrypted = encrypted(team, dump);
                Path copy = received.resolve(dump.getFileName());
                boolean offsite = Files.exists(copy) && Files.mismatch(dump, copy) == -1;
                System.err.printf("dump %s: %.1f MB, encrypted %b, identical copy on the front %b%n",
                        dump.getFileName(), Files.size(dump) / 1e6, encrypted, offsite);

                BackupsTest.sql(r, "postgres", "DROP DATABASE \"mangaki-staging\" WITH (FORCE)");
                System.err.println("database mangaki-staging dropped");
                List<String> restore = new ArrayList<>(r.commands().restoreTokens("staging", dump.getFileName().toString()));
                restore.add("--passphrase-line");
                start = System.nanoTime();
                Proc.Result restored = r.runScript(restore, PASSPHRASE + "\n"
                        + new String(team.exportSecret(key), StandardCharsets.US_ASCII));
                double restoreSeconds = (System.nanoTime() - start) / 1e9;
                System.err.print(restored.output());
                r.runScript(List.of(Rehearsal.RESOURCES.resolve("systemctl-stand-in").toString(), "stop",
                        "verdandi-deploy@staging.service"), null);
                String after = restored.exit() == 0 ? BackupsTest.sql(r, BackupsTest.DB, "SELECT count(*) FROM ratings") : "0";
                boolean same = restored.exit() == 0 && digest.equals(digest(r));
                System.err.printf("rows before %s, after %s, same content %b%n", rows, after, same);
                line = String.format(Locale.ROOT, "backup_ok=%d dump_encrypted=%d offsite_copy=%d restore_ok=%d"
                                + " rows_after_restore=%s/%s restore_s=%.1f dump_s=%.1f",
                        backupOk ? 1 : 0, encrypted ? 1 : 0, offsite ? 1 : 0, same ? 1 : 0, after, rows,
                        restoreSeconds, dumpSeconds);
            }
        }
        System.out.println(line);
    }

    /** An order-independent digest of every row. */
    private static String digest(Rehearsal r) {
        return BackupsTest.sql(r, BackupsTest.DB, "SELECT count(*) || ':' || sum(id) || ':' || sum(score) || ':'"
                + " || md5(string_agg(md5(note), '' ORDER BY id)) FROM ratings");
    }

    /** Not a pg_dump archive in clear, and an OpenPGP message encrypted to the team's key. */
    private static boolean encrypted(GnuPG team, Path dump) throws Exception {
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(dump)) {
            if (in.readNBytes(head, 0, 5) < 5) {
                return false;
            }
        }
        if (new String(head, StandardCharsets.ISO_8859_1).equals("PGDMP")) {
            return false;
        }
        GnuPG.Result packets = team.run(null, "--list-only", "--list-packets", dump.toString());
        String text = new String(packets.stdout(), StandardCharsets.UTF_8);
        return text.contains(":pubkey enc packet:") && text.contains(":encrypted data packet:");
    }

    private static void require(Proc.Result r) {
        r.requireSuccess();
    }
}
