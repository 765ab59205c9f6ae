package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.config.AppLayout;
import fr.mangaki.verdandi.config.Database;
import fr.mangaki.verdandi.stack.StackSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a grown layout's plan must say out loud (docs/growth.md): that {@code pulumi up} does not
 * move the data of the app droplet's PostgreSQL into a managed cluster, and what the autoscale
 * pool's members and a standby do not do by themselves.
 */
final class GrowthNotes {
    private GrowthNotes() {
    }

    static List<String> of(StackSettings settings) {
        List<String> notes = new ArrayList<>();
        if (!settings.isPlatform()) {
            return notes;
        }
        Database database = settings.database();
        AppLayout app = settings.app().map(StackSettings.AppSettings::layout).orElse(AppLayout.single());
        if (database.isManaged()) {
            notes.add("DATA: mangaki:database is managed: pulumi up makes the cluster mangaki-db and an EMPTY database per "
                    + "environment, and the environments switch to it; it does NOT move the data of the app droplet's "
                    + "PostgreSQL (mangaki-app keeps it, untouched). Move it first: dump, up, restore "
                    + "(docs/growth.md#moving-the-databases-to-the-managed-cluster)");
        }
        if (app.standby() && !database.isManaged()) {
            notes.add("DATA: standby: mangaki-app-standby is the front's backup server, but its PostgreSQL replicates "
                    + "mangaki-app's only once `replication-allow` and `standby-follow` have run (docs/growth.md#the-standby); "
                    + "until then it holds an EMPTY database of its own, which the front would use if mangaki-app failed");
        }
        app.autoscale().ifPresent(a -> notes.add("autoscale: the pool's members boot with the host scripts but no "
                + "environment; the front adds a member only once it answers on the environment's port "
                + "(docs/growth.md#autoscale-pool)"));
        return notes;
    }
}
