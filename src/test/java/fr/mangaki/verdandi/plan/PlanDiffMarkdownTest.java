package fr.mangaki.verdandi.plan;

import static fr.mangaki.verdandi.plan.PlanDiffFixtures.COMMAND;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.DROPLET;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.FIREWALL;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.RECORD;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlanDiffMarkdownTest {
    private static final String USER_DATA = String.join("\n", "#cloud-config", "package_update: true",
            "packages:", "  - nginx-light", "  - git", "users:", "  - name: verdandi", "    shell: /bin/bash",
            "write_files:", "  - path: /etc/verdandi/env", "    content: |", "      PORT=8000", "runcmd:",
            "  - systemctl enable --now verdandi-deploy.timer", "");

    private static String render(SavedPlan base, SavedPlan head) {
        return PlanDiffMarkdown.render(PlanDiff.compare(base, head));
    }

    private static ObjectNode droplet(String size, String userData) {
        ObjectNode inputs = PlanDiffFixtures.JSON.createObjectNode();
        inputs.put("image", "debian-12-x64");
        inputs.put("size", size);
        inputs.put("userData", userData);
        return inputs;
    }

    /** Plans written before plans carried options: the schemas alone classify, and the diff says so. */
    @Test
    void rendersAHeadingASummaryLineAndTheDetails() {
        SavedPlan base = plan("production")
                .resource(DROPLET, "mangaki-app", "mangaki", droplet("s-1vcpu-1gb", USER_DATA))
                .resource(FIREWALL, "mangaki-app-firewall", "mangaki",
                        "{'inboundRules': [{'portRange': '80'}, {'portRange': '443'}, {'portRange': '22'}]}")
                .resource(RECORD, "old-record", "production", "{'name': 'old'}")
                .output("url", "'https://mangaki.fr'")
                .output("environments", "{'production': {'port': 8000}}")
                .cost("13.20").build();
        SavedPlan head = plan("production")
                .resource(DROPLET, "mangaki-app", "mangaki",
                        droplet("s-1vcpu-2gb", USER_DATA.replace("  - git\n", "  - git\n  - postgresql\n")))
                .resource(FIREWALL, "mangaki-app-firewall", "mangaki",
                        "{'inboundRules': [{'portRange': '80'}, {'portRange': '443'}, {'portRange': '2222'}]}")
                .resource(DROPLET, "mangaki-db", "mangaki", droplet("s-1vcpu-1gb", "#cloud-config\n"))
                .resource(RECORD, "www", "production", "{'name': 'www', 'type': 'A', 'value': '(known after apply)'}")
                .output("url", "'https://www.mangaki.fr'")
                .output("environments", "{'production': {'port': 8000}}")
                .cost("19.20").build();
        assertEquals("""
                ### Plan diff: `production`

                **+2 to add, ~1 to change, +-1 to replace, -1 to destroy, 1 output change; cost $13.20 → $19.20 \
                (+$6.00)/month**

                _Offline plans compared (`bin/verdandi plan --json` of each side). Update or replace follows the \
                provider schemas (`willReplaceOnChanges`, `replaceOnChanges`) and the resources' options \
                (`ignoreChanges`, `replaceOnChanges`, `protect`); `pulumi preview` asks the providers themselves._

                _The base plan carries no resource options (an older Verdandi wrote it): whether the running stack \
                already protects a resource is unknown._

                _The head plan carries no resource options: what `ignoreChanges` hides and what the program protects \
                are unknown; changes are classified from the provider schemas alone._

                #### To add (2)

                ```diff
                + mangaki-db  (digitalocean:index/droplet:Droplet, parent mangaki)
                    image: debian-12-x64
                    size: s-1vcpu-1gb
                    userData: <1 line, 14 bytes: #cloud-config>
                + www  (digitalocean:index/dnsRecord:DnsRecord, parent production)
                    name: www
                    type: A
                    value: (known after apply)
                ```

                #### To replace (1)

                ```diff
                +- mangaki-app  (digitalocean:index/droplet:Droplet)  replace, forced by userData (the digitalocean \
                4.76.0 schema); protection in the running stack unknown
                    size: s-1vcpu-1gb → s-1vcpu-2gb
                    userData: changed (14 lines, 245 bytes → 15 lines, 260 bytes)
                        @@ -5,2 +5,3 @@
                           - git
                        +  - postgresql
                         users:
                ```

                #### To change (1)

                ```diff
                ~ mangaki-app-firewall  (digitalocean:index/firewall:Firewall)  update in place
                    inboundRules[2].portRange: 22 → 2222
                ```

                #### To destroy (1)

                ```diff
                - old-record  (digitalocean:index/dnsRecord:DnsRecord, parent production)
                ```

                #### Outputs changed (1)

                ```diff
                ~ url: https://mangaki.fr → https://www.mangaki.fr
                ```
                """, render(base, head));
    }

    @Test
    void theSummaryLineReadsAsInTheIssue() {
        SavedPlan base = plan("production").resource(DROPLET, "app", null, "{'size': 's-1vcpu-1gb'}")
                .cost("13.20").build();
        SavedPlan head = plan("production").resource(DROPLET, "app", null, "{'size': 's-1vcpu-2gb'}")
                .resource(DROPLET, "db", null, "{}").resource(RECORD, "db", null, "{}").cost("19.20").build();
        assertEquals("+2 to add, ~1 to change, +-0 to replace, -0 to destroy; cost $13.20 → $19.20 (+$6.00)/month",
                PlanDiffMarkdown.summary(PlanDiff.compare(base, head)));
        assertEquals("+0 to add, ~1 to change, +-0 to replace, -2 to destroy; cost $19.20 → $13.20 (-$6.00)/month",
                PlanDiffMarkdown.summary(PlanDiff.compare(head, base)));
    }

    @Test
    void saysNoChangesWhenThePlansAreEqual() {
        PlanDiffFixtures.Builder p = plan("staging").resource(RECORD, "staging", "staging", "{'name': 'staging'}")
                .output("url", "'https://staging.mangaki.fr'").cost("0");
        assertEquals("""
                ### Plan diff: `staging`

                **No changes**: the same 2 resources, inputs and outputs; cost $0.00/month (unchanged)
                """, render(p.build(), p.build()));
    }

    @Test
    void namesBothStacksWhenTheyDiffer() {
        String out = render(plan("production").cost("13.2").build(), plan("demo").cost("13.2").build());
        assertTrue(out.startsWith("### Plan diff: `production` → `demo`\n"), out);
        assertTrue(out.contains("+1 to add, ~0 to change, +-0 to replace, -1 to destroy; cost $13.20/month (unchanged)"), out);
    }

    @Test
    void aCostChangeAloneIsShown() {
        String out = render(plan("p").cost("13.20").build(), plan("p").cost("14.40").build());
        assertTrue(out.contains("**+0 to add, ~0 to change, +-0 to replace, -0 to destroy; cost $13.20 → $14.40 (+$1.20)/month**"),
                out);
    }

    @Test
    void secretsAreNeverShownInClear() {
        SavedPlan secret = plan("production")
                .resource(COMMAND, "production-install", "production",
                        "{'create': 'install', 'environment': {'SECRET_KEY': '[secret]', 'DEBUG': '0'}, "
                                + "'stdin': '[secret]', 'connection': {'privateKey': '[secret]'}}")
                .output("databaseUrl", "'[secret]'").build();
        SavedPlan plain = plan("production")
                .resource(COMMAND, "production-install", "production",
                        "{'create': 'install', 'environment': {'SECRET_KEY': 'hunter2-key', 'DEBUG': '1'}, "
                                + "'stdin': 'postgres://u:hunter2-db@db/mangaki', "
                                + "'connection': {'privateKey': '[secret]'}}")
                .output("databaseUrl", "'postgres://u:hunter2-db@db/mangaki'").build();

        String leak = render(secret, plain);
        assertFalse(leak.contains("hunter2"), leak);
        assertTrue(leak.contains("    environment.SECRET_KEY: [secret] → (plain value, not shown)  (no longer a secret!)\n"),
                leak);
        assertTrue(leak.contains("    environment.DEBUG: 0 → 1\n"), leak);
        assertTrue(leak.contains("    stdin: [secret] → (plain value, not shown)  (no longer a secret!)\n"), leak);
        assertTrue(leak.contains("    secret on both sides, not compared: connection.privateKey\n"), leak);
        assertTrue(leak.contains("~ databaseUrl: [secret] → (plain value, not shown)  (no longer a secret!)\n"), leak);
        assertTrue(leak.contains("_1 secret value is secret on both sides and was not compared"), leak);

        String back = render(plain, secret);
        assertFalse(back.contains("hunter2"), back);
        assertTrue(back.contains("    environment.SECRET_KEY: (plain value, not shown) → [secret]\n"), back);
        assertTrue(back.contains("    stdin: (plain value, not shown) → [secret]\n"), back);
        assertTrue(back.contains("~ databaseUrl: (plain value, not shown) → [secret]\n"), back);

        String same = render(secret, secret);
        assertTrue(same.contains("**No changes**"), same);
        assertTrue(same.contains("_4 secret values are secret on both sides and were not compared (plans never hold "
                + "secrets): a change to a secret alone does not show here._"), same);
    }

    @Test
    void addedResourcesShowTheirSecretsAsSecrets() {
        String out = render(plan("p").build(), plan("p").resource(COMMAND, "install", null,
                "{'stdin': '[secret]', 'create': 'install'}").build());
        assertTrue(out.contains("+ install  (command:remote:Command)\n    stdin: [secret]\n    create: install\n"), out);
    }

    @Test
    void aStringThatLooksLikeANumberIsQuoted() {
        String out = render(plan("p").resource(FIREWALL, "fw", null, "{'port': 22}").build(),
                plan("p").resource(FIREWALL, "fw", null, "{'port': '22'}").build());
        assertTrue(out.contains("    port: 22 → \"22\"\n"), out);
    }

    @Test
    void aLongTextDiffIsSummarisedNotPrinted() {
        String base = IntStream.range(0, 200).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String head = IntStream.range(0, 200).mapToObj(i -> i % 5 == 0 ? "changed " + i : "line " + i)
                .collect(Collectors.joining("\n"));
        String out = render(plan("p").resource(DROPLET, "d", null, droplet("s", base)).build(),
                plan("p").resource(DROPLET, "d", null, droplet("s", head)).build());
        assertTrue(out.contains("    userData: changed (200 lines, 1689 bytes → 200 lines, 1809 bytes)\n"
                + "        (40 lines removed, 40 added: too many to show here)\n"), out);
    }

    @Test
    void textsTooDifferentToAlignAreOnlyCounted() {
        String base = IntStream.range(0, 2100).mapToObj(i -> "a" + i).collect(Collectors.joining("\n"));
        String head = IntStream.range(0, 2100).mapToObj(i -> "b" + i).collect(Collectors.joining("\n"));
        String out = render(plan("p").resource(DROPLET, "d", null, droplet("s", base)).build(),
                plan("p").resource(DROPLET, "d", null, droplet("s", head)).build());
        assertTrue(out.contains("    userData: changed (2100 lines, 11489 bytes → 2100 lines, 11489 bytes)\n"
                + "        (too different to compare line by line)\n"), out);
    }

    @Test
    void aFinalNewlineChangeIsNamed() {
        String out = render(plan("p").resource(DROPLET, "d", null, droplet("s", USER_DATA)).build(),
                plan("p").resource(DROPLET, "d", null, droplet("s", USER_DATA.strip())).build());
        assertTrue(out.contains("        (the same lines: only line endings or the final newline differ)\n"), out);
    }

    @Test
    void aLongSingleLineValueIsSummarised() {
        String key = "ssh-ed25519 " + "A".repeat(300) + " admin@mangaki.fr";
        String out = render(plan("p").resource(DROPLET, "k", null, "{'publicKey': 'short'}").build(),
                plan("p").resource(DROPLET, "k", null, PlanDiffFixtures.JSON.createObjectNode()
                        .put("publicKey", key)).build());
        assertTrue(out.contains("    publicKey: changed (1 line, 5 bytes → 1 line, 329 bytes)\n"), out);
        assertFalse(out.contains("A".repeat(130)), out);
    }

    @Test
    void aValueCannotCloseTheCodeBlock() {
        ObjectNode inputs = PlanDiffFixtures.JSON.createObjectNode().put("description", "a ````` b\n## injected");
        inputs.set("list", PlanDiffFixtures.JSON.createArrayNode().add("x ```` y"));
        String out = render(plan("p").build(), plan("p").resource(DROPLET, "d", null, inputs).build());
        assertTrue(out.contains("\n``````diff\n+ d  (digitalocean:index/droplet:Droplet)\n"), out);
        assertTrue(out.contains("\n``````\n"), out);
        assertFalse(out.contains("\n## injected"), out);
    }

    @Test
    void controlAndBidiCharactersAreEscaped() {
        ObjectNode inputs = PlanDiffFixtures.JSON.createObjectNode().put("name", "a\u202eb\tc");
        String out = render(plan("p").build(), plan("p").resource(DROPLET, "d", null, inputs).build());
        assertTrue(out.contains("    name: a\\u202eb\\tc\n"), out);
    }

    @Test
    void oneResourceShowsAtMostFortyLines() {
        ObjectNode before = PlanDiffFixtures.JSON.createObjectNode();
        ObjectNode after = PlanDiffFixtures.JSON.createObjectNode();
        for (int i = 0; i < 1000; i++) {
            before.put("k" + i, i);
            after.put("k" + i, i + 1);
        }
        String out = render(plan("p").resource(DROPLET, "d", null, before).build(),
                plan("p").resource(DROPLET, "d", null, after).build());
        List<String> block = out.lines().dropWhile(l -> !l.startsWith("~ d ")).takeWhile(l -> !l.startsWith("```"))
                .toList();
        assertEquals(PlanDiffMarkdown.MAX_ENTRY_LINES, block.size(), out);
        assertEquals("    k37: 37 → 38", block.get(38));
        assertEquals("    … 962 more changes not shown (see the workflow log)", block.get(39));
    }

    /** A plan far too big for a comment: many resources, long names, big values, backticks. */
    private static PlanDiffFixtures.Builder huge(String flavour, int resources) {
        PlanDiffFixtures.Builder p = plan("production").cost(flavour.equals("base") ? "13.20" : "9999.99");
        for (int i = 0; i < resources; i++) {
            ObjectNode inputs = PlanDiffFixtures.JSON.createObjectNode();
            for (int k = 0; k < 60; k++) {
                inputs.put("input" + k, flavour + " value " + k + " " + "`".repeat(k % 7) + "x".repeat(k * 3));
            }
            inputs.set("userData", TextNode.valueOf(IntStream.range(0, 100)
                    .mapToObj(l -> flavour + " line " + l).collect(Collectors.joining("\n"))));
            String name = "resource-" + i + "-" + "n".repeat(i % 3 == 0 ? 5000 : 10);
            if (i % 4 != 0 || flavour.equals("base")) {
                p.resource(DROPLET, name, "mangaki", inputs);
            }
            if (flavour.equals("head") && i % 4 == 0) {
                p.resource(FIREWALL, name, "mangaki", inputs);
            }
        }
        return p;
    }

    @Test
    void aHugeDiffStaysUnderTheBoundAndCountsWhatItLeavesOut() {
        PlanDiff diff = PlanDiff.compare(huge("base", 2000).build(), huge("head", 2000).build());
        assertEquals(500, diff.added().size());
        assertEquals(500, diff.removed().size());
        assertEquals(1500, diff.changed().size());
        String out = PlanDiffMarkdown.render(diff);
        assertTrue(out.length() <= PlanDiffMarkdown.DEFAULT_MAX_CHARS, "length " + out.length());
        assertTrue(out.length() > PlanDiffMarkdown.DEFAULT_MAX_CHARS - 20_000, "the room is used: " + out.length());
        assertTrue(out.contains("**+500 to add, ~0 to change, +-1500 to replace, -500 to destroy; cost $13.20 → $9999.99 "
                + "(+$9986.79)/month**"), out.substring(0, 500));
        int shown = (int) out.lines().filter(l -> l.matches("([+~=#-]|\\+-) .*")).count();
        Matcher more = Pattern.compile("\n… (\\d+) more changes not shown \\(see the workflow log\\)\n$").matcher(out);
        assertTrue(more.find(), out.substring(out.length() - 300));
        assertEquals(diff.changeCount(), shown + Integer.parseInt(more.group(1)));
        assertEquals(0, out.lines().filter(l -> l.startsWith("```")).count() % 2, "every code block is closed");
    }

    @Test
    void everyBoundHolds() {
        PlanDiff diff = PlanDiff.compare(huge("base", 400).build(), huge("head", 400).build());
        for (int bound : List.of(PlanDiffMarkdown.MIN_MAX_CHARS, 2_500, 5_000, 10_000, 30_000, 65_536)) {
            String out = PlanDiffMarkdown.render(diff, bound);
            assertTrue(out.length() <= bound, bound + ": " + out.length());
            assertTrue(out.endsWith(" more changes not shown (see the workflow log)\n"), out);
        }
    }

    @Test
    void rejectsABoundTooSmallForTheSummary() {
        PlanDiff diff = PlanDiff.compare(plan("p").build(), plan("p").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanDiffMarkdown.render(diff, 1999));
        assertEquals("the bound must be at least 2000 characters, not 1999", e.getMessage());
    }
}
