package fr.mangaki.verdandi.plan;

import static fr.mangaki.verdandi.plan.PlanDiffFixtures.COMMAND;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.DROPLET;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.FIREWALL;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.RECORD;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.j;
import static fr.mangaki.verdandi.plan.PlanDiffFixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.mangaki.verdandi.plan.PlanDiff.Change;
import fr.mangaki.verdandi.plan.PlanDiff.ResourceChange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    private static final String RULES = "{'inboundRules': ["
            + "{'portRange': '80', 'protocol': 'tcp', 'sourceAddresses': ['0.0.0.0/0']},"
            + "{'portRange': '443', 'protocol': 'tcp', 'sourceAddresses': ['0.0.0.0/0']},"
            + "{'portRange': '22', 'protocol': 'tcp', 'sourceAddresses': ['0.0.0.0/0', '::/0']}]}";

    private static Change change(String path, String before, String after) {
        return new Change(path, Optional.ofNullable(before).map(PlanDiffFixtures::j),
                Optional.ofNullable(after).map(PlanDiffFixtures::j));
    }

    @Test
    void findsResourcesToAddChangeAndDestroyInPlanOrder() {
        SavedPlan base = plan("production")
                .resource(DROPLET, "mangaki-app", "mangaki", "{'size': 's-1vcpu-1gb'}")
                .resource(DROPLET, "mangaki-old", "mangaki", "{'size': 's-1vcpu-1gb'}")
                .resource(RECORD, "www", "production", "{'name': 'www'}")
                .build();
        SavedPlan head = plan("production")
                .resource(DROPLET, "mangaki-db", "mangaki", "{'size': 's-2vcpu-2gb'}")
                .resource(DROPLET, "mangaki-app", "mangaki", "{'size': 's-2vcpu-2gb'}")
                .resource(RECORD, "www", "production", "{'name': 'www'}")
                .resource(RECORD, "staging", "staging", "{'name': 'staging'}")
                .build();
        PlanDiff diff = PlanDiff.compare(base, head);
        assertEquals(List.of("mangaki-db", "staging"), diff.added().stream().map(r -> r.name()).toList());
        assertEquals(List.of("mangaki-old"), diff.removed().stream().map(r -> r.name()).toList());
        assertEquals(List.of(new ResourceChange(DROPLET, "mangaki-app", Optional.of("mangaki"), Optional.of("mangaki"),
                List.of(change("size", "'s-1vcpu-1gb'", "'s-2vcpu-2gb'")), List.of(), PlanDiff.Action.UPDATE, List.of(),
                List.of(), List.of(), PlanDiff.Protection.UNKNOWN, Optional.empty())), diff.changed());
        assertEquals(2, diff.unchanged(), "the stack and www");
        assertEquals(4, diff.changeCount());
        assertTrue(diff.hasChanges());
    }

    @Test
    void comparesNestedInputsByPath() {
        SavedPlan base = plan("production").resource(FIREWALL, "app-firewall", "mangaki", RULES).build();
        SavedPlan head = plan("production").resource(FIREWALL, "app-firewall", "mangaki",
                RULES.replace("'22'", "'2222'").replace("'::/0'", "'2001:db8::/32'")
                        .replace("'inboundRules'", "'tags': {'team': 'ops'}, 'inboundRules'")).build();
        ResourceChange c = PlanDiff.compare(base, head).changed().get(0);
        assertEquals(List.of(
                change("inboundRules[2].portRange", "'22'", "'2222'"),
                change("inboundRules[2].sourceAddresses[1]", "'::/0'", "'2001:db8::/32'"),
                change("tags", null, "{'team': 'ops'}")), c.changes());
        assertFalse(c.parentChanged());
    }

    @Test
    void alignsListsSoAnInsertedElementIsOneAddition() {
        SavedPlan base = plan("p").resource(FIREWALL, "fw", null, RULES).build();
        SavedPlan head = plan("p").resource(FIREWALL, "fw", null, RULES.replace("[{'portRange': '80'",
                "[{'portRange': '8000', 'protocol': 'tcp', 'sourceAddresses': ['10.0.0.2/32']}, {'portRange': '80'"))
                .build();
        assertEquals(List.of(change("inboundRules[0]", null,
                        "{'portRange': '8000', 'protocol': 'tcp', 'sourceAddresses': ['10.0.0.2/32']}")),
                PlanDiff.compare(base, head).changed().get(0).changes());

        SavedPlan removed = plan("p").resource(FIREWALL, "fw", null, RULES.replace(
                "{'portRange': '443', 'protocol': 'tcp', 'sourceAddresses': ['0.0.0.0/0']},", "")).build();
        assertEquals(List.of(change("inboundRules[1]",
                        "{'portRange': '443', 'protocol': 'tcp', 'sourceAddresses': ['0.0.0.0/0']}", null)),
                PlanDiff.compare(base, removed).changed().get(0).changes());
    }

    @Test
    void keysThatAreNotIdentifiersArePathsInBrackets() {
        SavedPlan base = plan("p").resource(DROPLET, "d", null, "{'labels': {'a b': 1, 'ok': 1}}").build();
        SavedPlan head = plan("p").resource(DROPLET, "d", null, "{'labels': {'a b': 2, 'ok': 2}}").build();
        assertEquals(List.of("labels[\"a b\"]", "labels.ok"),
                PlanDiff.compare(base, head).changed().get(0).changes().stream().map(Change::path).toList());
    }

    @Test
    void aResourceWhoseTypeChangesIsDestroyedAndAdded() {
        SavedPlan base = plan("p").resource(DROPLET, "same-name", null, "{}").build();
        SavedPlan head = plan("p").resource(FIREWALL, "same-name", null, "{}").build();
        PlanDiff diff = PlanDiff.compare(base, head);
        assertEquals(FIREWALL, diff.added().get(0).type());
        assertEquals(DROPLET, diff.removed().get(0).type());
        assertEquals(List.of(), diff.changed());
    }

    @Test
    void reportsANewParent() {
        SavedPlan base = plan("p").resource(RECORD, "www", "production", "{'name': 'www'}").build();
        SavedPlan head = plan("p").resource(RECORD, "www", "edge", "{'name': 'www'}").build();
        ResourceChange c = PlanDiff.compare(base, head).changed().get(0);
        assertTrue(c.parentChanged());
        assertEquals(Optional.of("production"), c.parentBefore());
        assertEquals(Optional.of("edge"), c.parentAfter());
        assertEquals(List.of(), c.changes());
    }

    @Test
    void comparesOutputsByPath() {
        SavedPlan base = plan("production")
                .output("url", "'https://mangaki.fr'")
                .output("environments", "{'production': {'port': 8000, 'domains': ['mangaki.fr']}}")
                .output("old", "1").build();
        SavedPlan head = plan("production")
                .output("url", "'https://mangaki.fr'")
                .output("environments", "{'production': {'port': 8002, 'domains': ['mangaki.fr', 'www.mangaki.fr']}}")
                .output("zone", "'mangaki.fr'").build();
        assertEquals(List.of(
                change("environments.production.port", "8000", "8002"),
                change("environments.production.domains[1]", null, "'www.mangaki.fr'"),
                change("old", "1", null),
                change("zone", null, "'mangaki.fr'")), PlanDiff.compare(base, head).outputs());
    }

    @Test
    void computesTheCostDelta() {
        PlanDiff up = PlanDiff.compare(plan("p").cost("13.20").build(), plan("p").cost("19.2").build());
        assertEquals(0, new BigDecimal("6.00").compareTo(up.costDelta()));
        assertTrue(up.hasChanges(), "a cost change alone is a change");
        PlanDiff down = PlanDiff.compare(plan("p").cost("13.20").build(), plan("p").cost("12").build());
        assertEquals(0, new BigDecimal("-1.20").compareTo(down.costDelta()));
    }

    @Test
    void equalPlansHaveNoChanges() {
        PlanDiffFixtures.Builder p = plan("production")
                .resource(FIREWALL, "fw", "mangaki", RULES).output("url", "'https://mangaki.fr'").cost("13.20");
        PlanDiff diff = PlanDiff.compare(p.build(), p.build());
        assertFalse(diff.hasChanges());
        assertEquals(0, diff.changeCount());
        assertEquals(2, diff.unchanged());
    }

    @Test
    void neverComparesNorReportsSecretsOnBothSides() {
        String inputs = "{'create': 'install production', 'environment': {'DATABASE_URL': '[secret]'}, "
                + "'connection': {'host': '(known after apply)', 'privateKey': '[secret]'}}";
        SavedPlan base = plan("p").resource(COMMAND, "install", null, inputs).output("env", "'[secret]'").build();
        SavedPlan head = plan("p").resource(COMMAND, "install", null, inputs).output("env", "'[secret]'").build();
        PlanDiff diff = PlanDiff.compare(base, head);
        assertFalse(diff.hasChanges());
        assertEquals(3, diff.secretsNotCompared(), "two inputs and one output");
        assertEquals(List.of("env"), diff.outputSecrets());

        SavedPlan changed = plan("p").resource(COMMAND, "install", null, inputs.replace("install production",
                "install production --fast")).output("env", "'[secret]'").build();
        ResourceChange c = PlanDiff.compare(base, changed).changed().get(0);
        assertEquals(List.of(change("create", "'install production'", "'install production --fast'")), c.changes());
        assertEquals(List.of("environment.DATABASE_URL", "connection.privateKey"), c.secretsNotCompared());
    }

    @Test
    void aValueThatStopsOrStartsBeingSecretIsReportedWithoutItsPlainValue() {
        SavedPlan secret = plan("p").resource(COMMAND, "install", null,
                "{'environment': {'SECRET_KEY': '[secret]'}, 'stdin': '[secret]'}").output("key", "'[secret]'").build();
        SavedPlan plain = plan("p").resource(COMMAND, "install", null,
                "{'environment': {'SECRET_KEY': 'hunter2'}, 'stdin': {'password': 'hunter2'}}")
                .output("key", "'hunter2'").build();

        PlanDiff leak = PlanDiff.compare(secret, plain);
        assertEquals(List.of(
                change("environment.SECRET_KEY", "'[secret]'", "'(plain value, not shown)'"),
                change("stdin", "'[secret]'", "'(plain value, not shown)'")), leak.changed().get(0).changes());
        assertEquals(List.of(change("key", "'[secret]'", "'(plain value, not shown)'")), leak.outputs());
        assertTrue(leak.changed().get(0).changes().stream().allMatch(Change::secrecyChanged));

        PlanDiff back = PlanDiff.compare(plain, secret);
        assertEquals(List.of(
                change("environment.SECRET_KEY", "'(plain value, not shown)'", "'[secret]'"),
                change("stdin", "'(plain value, not shown)'", "'[secret]'")), back.changed().get(0).changes());
        assertEquals(List.of(change("key", "'(plain value, not shown)'", "'[secret]'")), back.outputs());

        for (PlanDiff d : List.of(leak, back)) {
            assertFalse(String.valueOf(d).contains("hunter2"), "the plain value is not carried by the diff");
        }
    }

    @Test
    void aSecretThatBecomesUnknownShowsBoth() {
        SavedPlan secret = plan("p").resource(COMMAND, "c", null, "{'stdin': '[secret]'}").build();
        SavedPlan unknown = plan("p").resource(COMMAND, "c", null, "{'stdin': '(known after apply)'}").build();
        assertEquals(List.of(change("stdin", "'[secret]'", "'(known after apply)'")),
                PlanDiff.compare(secret, unknown).changed().get(0).changes());
    }

    @Test
    void numbersCompareByValueAndAStringIsNotANumber() {
        JsonNode twentyTwo = j("{'port': 22}");
        SavedPlan number = plan("p").resource(FIREWALL, "fw", null, twentyTwo).cost("13.2").build();
        SavedPlan decimal = plan("p").resource(FIREWALL, "fw", null, twentyTwo).cost("13.20").build();
        assertFalse(PlanDiff.compare(number, decimal).hasChanges(), "13.2 and 13.20 are the same cost");
        SavedPlan string = plan("p").resource(FIREWALL, "fw", null, "{'port': '22'}").cost("13.2").build();
        assertEquals(List.of(change("port", "22", "'22'")), PlanDiff.compare(number, string).changed().get(0).changes());
    }

    @Test
    void readsThePlanThatPlanJsonWrites() {
        Plan plan = new Plan("demo", List.of(
                new PlannedResource("pulumi:pulumi:Stack", "mangaki-demo", Optional.empty(), java.util.Map.of(), false),
                new PlannedResource(DROPLET, "app", Optional.of("mangaki-demo"),
                        java.util.Map.of("size", "s-1vcpu-1gb", "backups", true), true)),
                java.util.Map.of("url", "https://demo.mangaki.fr"),
                new Cost(List.of(), new BigDecimal("7.20")));
        SavedPlan input = SavedPlan.of(plan);
        assertEquals("demo", input.stack());
        assertEquals(List.of("mangaki-demo", "app"), input.resources().stream().map(r -> r.name()).toList());
        assertEquals(Optional.of("mangaki-demo"), input.resources().get(1).parent());
        assertEquals(j("{'size': 's-1vcpu-1gb', 'backups': true}"), input.resources().get(1).inputs());
        assertEquals("https://demo.mangaki.fr", input.outputs().get("url").asText());
        assertEquals(0, new BigDecimal("7.2").compareTo(input.monthlyCostUsd()));
        assertFalse(PlanDiff.compare(input, SavedPlan.of(plan)).hasChanges());
    }

    @Test
    void listsTooLongToAlignExactlyArePairedByPosition() {
        com.fasterxml.jackson.databind.node.ObjectNode before = PlanDiffFixtures.JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode after = PlanDiffFixtures.JSON.createObjectNode();
        for (int i = 0; i < 2100; i++) {
            before.withArray("tags").add("a" + i);
            after.withArray("tags").add("b" + i);
        }
        after.withArray("tags").add("extra");
        List<Change> changes = PlanDiff.compare(plan("p").resource(DROPLET, "d", null, before).build(),
                plan("p").resource(DROPLET, "d", null, after).build()).changed().get(0).changes();
        assertEquals(2101, changes.size());
        assertEquals(change("tags[0]", "'a0'", "'b0'"), changes.get(0));
        assertEquals(change("tags[2099]", "'a2099'", "'b2099'"), changes.get(2099));
        assertEquals(change("tags[2100]", null, "'extra'"), changes.get(2100));
    }

    // ---- update, replace or nothing: the provider schemas and the resources' options

    private static final String DROPLET_OPTIONS = "{'protect': true, 'ignoreChanges': ['userData', 'sshKeys']}";

    @Test
    void anInputTheSchemaMarksReplacesNamingIt() {
        SavedPlan base = plan("p").withOptions().resource(DROPLET, "app", null, "{'region': 'ams3', 'size': 's'}")
                .options(DROPLET_OPTIONS).build();
        SavedPlan head = plan("p").withOptions().resource(DROPLET, "app", null, "{'region': 'fra1', 'size': 'm'}")
                .options(DROPLET_OPTIONS).build();
        ResourceChange c = PlanDiff.compare(base, head).changed().get(0);
        assertEquals(PlanDiff.Action.REPLACE, c.action());
        assertEquals(List.of(new PlanDiff.Replacement("region", "region", "the digitalocean 4.76.0 schema")),
                c.replacements());
        assertEquals(PlanDiff.Protection.PROTECTED, c.protection());
        assertTrue(c.refused());
        assertTrue(c.losesData(), "a protected droplet holds data");
    }

    @Test
    void onlyIgnoredInputsIsNoRealChange() {
        SavedPlan base = plan("p").withOptions().resource(DROPLET, "app", null,
                "{'userData': 'a', 'sshKeys': ['1']}").options(DROPLET_OPTIONS).build();
        SavedPlan head = plan("p").withOptions().resource(DROPLET, "app", null,
                "{'userData': 'b', 'sshKeys': ['1', '2']}").options(DROPLET_OPTIONS).build();
        ResourceChange c = PlanDiff.compare(base, head).changed().get(0);
        assertEquals(PlanDiff.Action.NONE, c.action());
        assertEquals(List.of("userData", "sshKeys[1]"), c.ignored());
    }

    @Test
    void theReplaceOnChangesOptionReplacesToo() {
        SavedPlan base = plan("p").withOptions().resource(FIREWALL, "fw", null, "{'name': 'a'}")
                .options("{'replaceOnChanges': ['name']}").build();
        SavedPlan head = plan("p").withOptions().resource(FIREWALL, "fw", null, "{'name': 'b'}")
                .options("{'replaceOnChanges': ['name']}").build();
        ResourceChange c = PlanDiff.compare(base, head).changed().get(0);
        assertEquals(List.of(new PlanDiff.Replacement("name", "name", "the replaceOnChanges option")), c.replacements());
        assertEquals(PlanDiff.Protection.UNPROTECTED, c.protection());
    }

    @Test
    void aProtectionNewInTheProgramDoesNotProtectFromTheSameUp() {
        SavedPlan base = plan("p").withOptions().resource(DROPLET, "app", null, "{'image': 'debian-12-x64'}").build();
        SavedPlan head = plan("p").withOptions().resource(DROPLET, "app", null, "{'image': 'debian-13-x64'}")
                .options("{'protect': true}").build();
        ResourceChange c = PlanDiff.compare(base, head).changed().get(0);
        assertEquals(PlanDiff.Protection.PROTECTED_FROM_NOW, c.protection());
        assertFalse(c.refused());
        assertEquals(List.of("protect"), c.optionChanges().stream().map(Change::path).toList());
    }

    @Test
    void aReplacementReachesTheInputsThatComeFromIt() {
        String vpc = "digitalocean:index/vpc:Vpc";
        PlanDiffFixtures.Builder base = plan("p").withOptions()
                .resource(vpc, "vpc", null, "{'region': 'ams3', 'ipRange': '10.0.0.0/20'}")
                .resource(DROPLET, "app", null, "{'vpcUuid': '(known after apply)'}")
                .resource(FIREWALL, "fw", null, "{'dropletIds': '(known after apply)'}");
        PlanDiffFixtures.Builder head = plan("p").withOptions()
                .resource(vpc, "vpc", null, "{'region': 'ams3', 'ipRange': '10.1.0.0/20'}")
                .resource(DROPLET, "app", null, "{'vpcUuid': '(known after apply)'}")
                .resource(FIREWALL, "fw", null, "{'dropletIds': '(known after apply)'}");
        PlanDiff diff = PlanDiff.compare(withDependencies(base), withDependencies(head));
        assertEquals(List.of("vpc REPLACE", "app REPLACE", "fw UPDATE"), diff.changed().stream()
                .map(c -> c.name() + " " + c.action()).toList());
        assertEquals("vpcUuid", diff.changed().get(1).replacements().get(0).property());
        assertEquals(Optional.of(j("'(known after apply): vpc is replaced'")),
                diff.changed().get(1).changes().get(0).after());
    }

    /** The plan with the app droplet's vpcUuid from the VPC and the firewall's droplets from the droplet. */
    private static SavedPlan withDependencies(PlanDiffFixtures.Builder b) {
        com.fasterxml.jackson.databind.node.ObjectNode root;
        try {
            root = (com.fasterxml.jackson.databind.node.ObjectNode) PlanDiffFixtures.JSON.readTree(b.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (JsonNode r : root.get("resources")) {
            String name = r.get("name").asText();
            com.fasterxml.jackson.databind.node.ObjectNode deps = ((com.fasterxml.jackson.databind.node.ObjectNode) r)
                    .putObject("dependencies");
            if (name.equals("app")) {
                deps.putArray("vpcUuid").add("vpc");
            } else if (name.equals("fw")) {
                deps.putArray("dropletIds").add("app");
            }
        }
        return PlanJsonReader.parse(root.toString(), "test");
    }
}
