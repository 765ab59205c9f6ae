package fr.mangaki.verdandi.resource.internal;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checker catches what the schema contract forbids; fed with small fake classes. */
class SchemaContractCheckerTest {
    private static final String DROPLET = "digitalocean:index/droplet:Droplet";
    private static final String FIREWALL = "digitalocean:index/firewall:Firewall";
    private static final String COMMAND = "command:remote:Command";

    private final SchemaContractChecker checker = new SchemaContractChecker(SchemaContract.load());

    static final class GoodDropletArgs extends ResourceArgs {
        @Import(name = "image", required = true)
        Output<String> image;
        @Import(name = "size", required = true)
        Output<String> size;
        @Import(name = "sshKeys")
        Output<List<String>> sshKeys;
        @Import(name = "backupPolicy")
        Output<GoodBackupPolicyArgs> backupPolicy;
    }

    static final class GoodBackupPolicyArgs extends ResourceArgs {
        @Import(name = "hour")
        Output<Integer> hour;
        @Import(name = "plan")
        Output<String> plan;
    }

    @Test
    void acceptsMatchingArgs() {
        assertEquals(List.of(), checker.checkArgs(DROPLET, GoodDropletArgs.class));
    }

    static final class UnknownPropertyArgs extends ResourceArgs {
        @Import(name = "image", required = true)
        Output<String> image;
        @Import(name = "size", required = true)
        Output<String> size;
        @Import(name = "colour")
        Output<String> colour;
    }

    @Test
    void rejectsAnUnknownProperty() {
        assertEquals(List.of("UnknownPropertyArgs: sends 'colour', which " + DROPLET + " does not have"),
                checker.checkArgs(DROPLET, UnknownPropertyArgs.class));
    }

    static final class WrongTypeArgs extends ResourceArgs {
        @Import(name = "dropletIds")
        Output<List<String>> dropletIds;
        @Import(name = "name")
        Output<Integer> name;
    }

    @Test
    void rejectsAWrongType() {
        assertEquals(List.of(
                        "WrongTypeArgs.dropletIds[]: is string in Java, integer in " + FIREWALL,
                        "WrongTypeArgs.name: is integer in Java, string in " + FIREWALL),
                checker.checkArgs(FIREWALL, WrongTypeArgs.class));
    }

    static final class MapInsteadOfListArgs extends ResourceArgs {
        @Import(name = "tags")
        Output<Map<String, String>> tags;
    }

    @Test
    void rejectsAMapWhereTheSchemaHasAList() {
        assertEquals(List.of("MapInsteadOfListArgs.tags: is map<string> in Java, array<string> in " + FIREWALL),
                checker.checkArgs(FIREWALL, MapInsteadOfListArgs.class));
    }

    static final class MissingRequiredArgs extends ResourceArgs {
        @Import(name = "image", required = true)
        Output<String> image;
    }

    @Test
    void rejectsAMissingRequiredInput() {
        assertEquals(List.of("MissingRequiredArgs: omits 'size', which " + DROPLET + " requires"),
                checker.checkArgs(DROPLET, MissingRequiredArgs.class));
    }

    static final class NotMarkedRequiredArgs extends ResourceArgs {
        @Import(name = "image", required = true)
        Output<String> image;
        @Import(name = "size")
        Output<String> size;
    }

    @Test
    void rejectsARequiredInputNotMarkedRequired() {
        assertEquals(List.of("NotMarkedRequiredArgs: 'size' is required by " + DROPLET
                        + " but not @Import(required = true)"),
                checker.checkArgs(DROPLET, NotMarkedRequiredArgs.class));
    }

    static final class DeprecatedPropertyArgs extends ResourceArgs {
        @Import(name = "image", required = true)
        Output<String> image;
        @Import(name = "size", required = true)
        Output<String> size;
        @Import(name = "privateNetworking")
        Output<Boolean> privateNetworking;
    }

    @Test
    void rejectsADeprecatedProperty() {
        assertEquals(List.of("DeprecatedPropertyArgs: sends 'privateNetworking', which " + DROPLET + " deprecates"),
                checker.checkArgs(DROPLET, DeprecatedPropertyArgs.class));
    }

    static final class BadRuleArgs extends ResourceArgs {
        @Import(name = "portRange")
        Output<Integer> portRange;
        @Import(name = "sources")
        Output<List<String>> sources;
    }

    static final class BadRulesFirewallArgs extends ResourceArgs {
        @Import(name = "inboundRules")
        Output<List<BadRuleArgs>> inboundRules;
    }

    @Test
    void rejectsProblemsInNestedArgsThroughLists() {
        String rule = "digitalocean:index/FirewallInboundRule:FirewallInboundRule";
        assertEquals(List.of(
                        "BadRuleArgs.portRange: is integer in Java, string in " + rule,
                        "BadRuleArgs: sends 'sources', which " + rule + " does not have",
                        "BadRuleArgs: omits 'protocol', which " + rule + " requires"),
                checker.checkArgs(FIREWALL, BadRulesFirewallArgs.class));
    }

    static final class PlainObjectArgs extends ResourceArgs {
        @Import(name = "image", required = true)
        Output<String> image;
        @Import(name = "size", required = true)
        Output<String> size;
        @Import(name = "backupPolicy")
        Output<Map<String, Object>> backupPolicy;
    }

    @Test
    void rejectsAMapWhereTheSchemaHasAnObjectType() {
        assertEquals(List.of("PlainObjectArgs.backupPolicy: is map<any> in Java, "
                        + "object<digitalocean:index/DropletBackupPolicy:DropletBackupPolicy> in " + DROPLET),
                checker.checkArgs(DROPLET, PlainObjectArgs.class));
    }

    static final class NumberPortConnectionArgs extends ResourceArgs {
        @Import(name = "host", required = true)
        Output<String> host;
        @Import(name = "port")
        Output<Integer> port;
    }

    static final class IntegerPortCommandArgs extends ResourceArgs {
        @Import(name = "connection", required = true)
        Output<NumberPortConnectionArgs> connection;
        @Import(name = "environment")
        Output<Map<String, Integer>> environment;
    }

    @Test
    void rejectsAnIntegerWhereTheSchemaHasANumberAndWrongMapValues() {
        assertEquals(List.of(
                        "NumberPortConnectionArgs.port: is integer in Java, number in command:remote:Connection",
                        "IntegerPortCommandArgs.environment{}: is integer in Java, string in " + COMMAND),
                checker.checkArgs(COMMAND, IntegerPortCommandArgs.class));
    }

    static final class PlainFieldArgs extends ResourceArgs {
        @Import(name = "image", required = true)
        String image;
        @Import(name = "size", required = true)
        Output<String> size;
    }

    @Test
    void rejectsAnImportThatIsNotAnOutput() {
        assertEquals(List.of("PlainFieldArgs.image: an @Import field must be an Output<...>, is java.lang.String"),
                checker.checkArgs(DROPLET, PlainFieldArgs.class));
    }

    @ResourceType(type = DROPLET, version = "4.0.0")
    static class OldVersionDroplet extends CustomResource {
        @Export(name = "ipv4Address", refs = {String.class}, tree = "[0]")
        private Output<String> ipv4Address;
        @Export(name = "tags", refs = {List.class}, tree = "[0]")
        private Output<List<String>> tags;
        @Export(name = "memory", refs = {String.class}, tree = "[0]")
        private Output<String> memory;
        @Export(name = "uptime", refs = {String.class}, tree = "[0]")
        private Output<String> uptime;

        OldVersionDroplet(String name, GoodDropletArgs args, CustomResourceOptions options) {
            super(DROPLET, name, args, options);
        }
    }

    @Test
    void rejectsResourceClassesWithAnotherVersionOrBadExportsOrNoPublicConstructor() {
        assertEquals(List.of(
                        "OldVersionDroplet: @ResourceType version '4.0.0' but the contract has digitalocean 4.76.0",
                        "OldVersionDroplet: no public constructor (String, *Args, CustomResourceOptions)",
                        "OldVersionDroplet.tags: @Export says refs=[List] tree=[0] but the field is refs=[List, String] tree=[0,1]",
                        "OldVersionDroplet.memory: is string in Java, integer in " + DROPLET + " outputs",
                        "OldVersionDroplet: exports 'uptime', which " + DROPLET + " does not output"),
                checker.checkResource(OldVersionDroplet.class));
    }

    @ResourceType(type = "digitalocean:index/spaceship:Spaceship", version = "4.76.0")
    public static class UnknownTokenResource extends CustomResource {
        public UnknownTokenResource(String name, GoodDropletArgs args, CustomResourceOptions options) {
            super("digitalocean:index/spaceship:Spaceship", name, args, options);
        }
    }

    @Test
    void rejectsAnUnknownTypeToken() {
        assertEquals(List.of("UnknownTokenResource: type token 'digitalocean:index/spaceship:Spaceship' is not in the contract"),
                checker.checkResource(UnknownTokenResource.class));
    }
}
