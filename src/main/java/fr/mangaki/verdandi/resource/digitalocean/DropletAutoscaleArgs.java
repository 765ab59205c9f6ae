package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The inputs of a {@link DropletAutoscale} ({@code digitalocean:index/dropletAutoscale:DropletAutoscale}). */
public final class DropletAutoscaleArgs extends ResourceArgs {
    private static final String OWNER = "DropletAutoscaleArgs";

    @Import(name = "config", required = true)
    private Output<DropletAutoscaleConfigArgs> config;

    @Import(name = "dropletTemplate", required = true)
    private Output<DropletAutoscaleDropletTemplateArgs> dropletTemplate;

    @Import(name = "name")
    private Output<String> name;

    private DropletAutoscaleArgs() {
    }

    /** How many droplets, and when to add or remove one. Required. */
    public Output<DropletAutoscaleConfigArgs> config() {
        return config;
    }

    /** What each droplet of the pool is created from. Required. */
    public Output<DropletAutoscaleDropletTemplateArgs> dropletTemplate() {
        return dropletTemplate;
    }

    /** The pool's name. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DropletAutoscaleArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DropletAutoscaleArgs $ = new DropletAutoscaleArgs();

        private Builder() {
        }

        public Builder config(Output<DropletAutoscaleConfigArgs> config) {
            $.config = Inputs.output(OWNER, "config", config);
            return this;
        }

        public Builder config(DropletAutoscaleConfigArgs config) {
            return config(Inputs.of(OWNER, "config", config));
        }

        public Builder dropletTemplate(Output<DropletAutoscaleDropletTemplateArgs> dropletTemplate) {
            $.dropletTemplate = Inputs.output(OWNER, "dropletTemplate", dropletTemplate);
            return this;
        }

        public Builder dropletTemplate(DropletAutoscaleDropletTemplateArgs dropletTemplate) {
            return dropletTemplate(Inputs.of(OWNER, "dropletTemplate", dropletTemplate));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public DropletAutoscaleArgs build() {
            Inputs.Required.of(OWNER).check("config", $.config).check("dropletTemplate", $.dropletTemplate).done();
            return $;
        }
    }
}
