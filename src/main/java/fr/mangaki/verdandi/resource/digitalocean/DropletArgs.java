package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The inputs of a {@link Droplet} ({@code digitalocean:index/droplet:Droplet}). */
public final class DropletArgs extends ResourceArgs {
    private static final String OWNER = "DropletArgs";

    @Import(name = "backupPolicy")
    private Output<DropletBackupPolicyArgs> backupPolicy;

    @Import(name = "backups")
    private Output<Boolean> backups;

    @Import(name = "dropletAgent")
    private Output<Boolean> dropletAgent;

    @Import(name = "gracefulShutdown")
    private Output<Boolean> gracefulShutdown;

    @Import(name = "image", required = true)
    private Output<String> image;

    @Import(name = "ipv6")
    private Output<Boolean> ipv6;

    @Import(name = "monitoring")
    private Output<Boolean> monitoring;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "publicNetworking")
    private Output<Boolean> publicNetworking;

    @Import(name = "region")
    private Output<String> region;

    @Import(name = "resizeDisk")
    private Output<Boolean> resizeDisk;

    @Import(name = "size", required = true)
    private Output<String> size;

    @Import(name = "sshKeys")
    private Output<List<String>> sshKeys;

    @Import(name = "tags")
    private Output<List<String>> tags;

    @Import(name = "userData")
    private Output<String> userData;

    @Import(name = "vpcUuid")
    private Output<String> vpcUuid;

    private DropletArgs() {
    }

    /** When backups run. Default: with {@code backups(true)}, a daily plan. */
    public Optional<Output<DropletBackupPolicyArgs>> backupPolicy() {
        return Optional.ofNullable(backupPolicy);
    }

    /** Whether DigitalOcean backs the droplet up. Default: false. */
    public Optional<Output<Boolean>> backups() {
        return Optional.ofNullable(backups);
    }

    /**
     * Whether to install the agent of the web console (changing it replaces the droplet). Default:
     * installed, installation errors ignored; {@code false} skips it, {@code true} makes errors fatal.
     */
    public Optional<Output<Boolean>> dropletAgent() {
        return Optional.ofNullable(dropletAgent);
    }

    /** Whether the droplet is shut down gracefully before it is deleted. Default: false. */
    public Optional<Output<Boolean>> gracefulShutdown() {
        return Optional.ofNullable(gracefulShutdown);
    }

    /** The image slug or ID, e.g. {@code debian-12-x64}; changing it replaces the droplet. Required. */
    public Output<String> image() {
        return image;
    }

    /** Whether IPv6 is enabled (it cannot be disabled afterwards). Default: false. */
    public Optional<Output<Boolean>> ipv6() {
        return Optional.ofNullable(ipv6);
    }

    /**
     * Whether the monitoring agent is installed, needed by {@link MonitorAlert}s (changing it
     * replaces the droplet). Default: false.
     */
    public Optional<Output<Boolean>> monitoring() {
        return Optional.ofNullable(monitoring);
    }

    /** The droplet's hostname. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Whether the droplet has public networking (changing it replaces the droplet). Default:
     * enabled.
     */
    public Optional<Output<Boolean>> publicNetworking() {
        return Optional.ofNullable(publicNetworking);
    }

    /** The region slug, e.g. {@code ams3}; changing it replaces the droplet. Default: DigitalOcean's choice. */
    public Optional<Output<String>> region() {
        return Optional.ofNullable(region);
    }

    /**
     * Whether a resize also grows the disk, which is permanent. Default: true ({@code false}
     * resizes only CPU and memory, which is reversible).
     */
    public Optional<Output<Boolean>> resizeDisk() {
        return Optional.ofNullable(resizeDisk);
    }

    /** The size slug, e.g. {@code s-1vcpu-1gb}. Required. */
    public Output<String> size() {
        return size;
    }

    /**
     * The IDs or fingerprints of the SSH keys installed for root; changing them replaces the
     * droplet. Default: no key (DigitalOcean then mails a root password).
     */
    public Optional<Output<List<String>>> sshKeys() {
        return Optional.ofNullable(sshKeys);
    }

    /** Tag names applied to the droplet. Default: none. */
    public Optional<Output<List<String>>> tags() {
        return Optional.ofNullable(tags);
    }

    /**
     * The user data (e.g. a {@code #cloud-config}) given at creation, at most 64 KiB; changing it
     * replaces the droplet. Default: none.
     */
    public Optional<Output<String>> userData() {
        return Optional.ofNullable(userData);
    }

    /**
     * The UUID of the VPC the droplet joins; changing it replaces the droplet. Default: the
     * account's default VPC of the region.
     */
    public Optional<Output<String>> vpcUuid() {
        return Optional.ofNullable(vpcUuid);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DropletArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DropletArgs $ = new DropletArgs();

        private Builder() {
        }

        public Builder backupPolicy(Output<DropletBackupPolicyArgs> backupPolicy) {
            $.backupPolicy = Inputs.output(OWNER, "backupPolicy", backupPolicy);
            return this;
        }

        public Builder backupPolicy(DropletBackupPolicyArgs backupPolicy) {
            return backupPolicy(Inputs.of(OWNER, "backupPolicy", backupPolicy));
        }

        public Builder backups(Output<Boolean> backups) {
            $.backups = Inputs.output(OWNER, "backups", backups);
            return this;
        }

        public Builder backups(boolean backups) {
            return backups(Output.of(backups));
        }

        public Builder dropletAgent(Output<Boolean> dropletAgent) {
            $.dropletAgent = Inputs.output(OWNER, "dropletAgent", dropletAgent);
            return this;
        }

        public Builder dropletAgent(boolean dropletAgent) {
            return dropletAgent(Output.of(dropletAgent));
        }

        public Builder gracefulShutdown(Output<Boolean> gracefulShutdown) {
            $.gracefulShutdown = Inputs.output(OWNER, "gracefulShutdown", gracefulShutdown);
            return this;
        }

        public Builder gracefulShutdown(boolean gracefulShutdown) {
            return gracefulShutdown(Output.of(gracefulShutdown));
        }

        public Builder image(Output<String> image) {
            $.image = Inputs.output(OWNER, "image", image);
            return this;
        }

        public Builder image(String image) {
            return image(Inputs.of(OWNER, "image", image));
        }

        public Builder ipv6(Output<Boolean> ipv6) {
            $.ipv6 = Inputs.output(OWNER, "ipv6", ipv6);
            return this;
        }

        public Builder ipv6(boolean ipv6) {
            return ipv6(Output.of(ipv6));
        }

        public Builder monitoring(Output<Boolean> monitoring) {
            $.monitoring = Inputs.output(OWNER, "monitoring", monitoring);
            return this;
        }

        public Builder monitoring(boolean monitoring) {
            return monitoring(Output.of(monitoring));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder publicNetworking(Output<Boolean> publicNetworking) {
            $.publicNetworking = Inputs.output(OWNER, "publicNetworking", publicNetworking);
            return this;
        }

        public Builder publicNetworking(boolean publicNetworking) {
            return publicNetworking(Output.of(publicNetworking));
        }

        public Builder region(Output<String> region) {
            $.region = Inputs.output(OWNER, "region", region);
            return this;
        }

        public Builder region(String region) {
            return region(Inputs.of(OWNER, "region", region));
        }

        public Builder resizeDisk(Output<Boolean> resizeDisk) {
            $.resizeDisk = Inputs.output(OWNER, "resizeDisk", resizeDisk);
            return this;
        }

        public Builder resizeDisk(boolean resizeDisk) {
            return resizeDisk(Output.of(resizeDisk));
        }

        public Builder size(Output<String> size) {
            $.size = Inputs.output(OWNER, "size", size);
            return this;
        }

        public Builder size(String size) {
            return size(Inputs.of(OWNER, "size", size));
        }

        public Builder sshKeys(Output<List<String>> sshKeys) {
            $.sshKeys = Inputs.output(OWNER, "sshKeys", sshKeys);
            return this;
        }

        /** SSH key IDs or fingerprints. */
        public Builder sshKeys(String... idsOrFingerprints) {
            return sshKeys(Inputs.list(OWNER, "sshKeys", idsOrFingerprints));
        }

        /** The keys' fingerprints, as the schema's {@code sshKeys}. */
        public Builder sshKeys(List<SshKey> keys) {
            return sshKeys(Inputs.all(Inputs.copy(OWNER, "sshKeys", keys).stream().map(SshKey::fingerprint).toList()));
        }

        /** The keys' fingerprints, as the schema's {@code sshKeys}. */
        public Builder sshKeys(SshKey... keys) {
            return sshKeys(java.util.Arrays.asList(Inputs.nonNull(OWNER, "sshKeys", keys)));
        }

        public Builder tags(Output<List<String>> tags) {
            $.tags = Inputs.output(OWNER, "tags", tags);
            return this;
        }

        public Builder tags(List<String> tags) {
            return tags(Inputs.list(OWNER, "tags", tags));
        }

        public Builder tags(String... tags) {
            return tags(Inputs.list(OWNER, "tags", tags));
        }

        public Builder userData(Output<String> userData) {
            $.userData = Inputs.output(OWNER, "userData", userData);
            return this;
        }

        public Builder userData(String userData) {
            return userData(Inputs.of(OWNER, "userData", userData));
        }

        public Builder vpcUuid(Output<String> vpcUuid) {
            $.vpcUuid = Inputs.output(OWNER, "vpcUuid", vpcUuid);
            return this;
        }

        public Builder vpcUuid(String vpcUuid) {
            return vpcUuid(Inputs.of(OWNER, "vpcUuid", vpcUuid));
        }

        /** The VPC's ID (its UUID), as the schema's {@code vpcUuid}. */
        public Builder vpc(Vpc vpc) {
            return vpcUuid(Inputs.nonNull(OWNER, "vpc", vpc).id());
        }

        public DropletArgs build() {
            Inputs.Required.of(OWNER).check("image", $.image).check("size", $.size).done();
            return $;
        }
    }
}
