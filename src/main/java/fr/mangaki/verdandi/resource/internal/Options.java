package fr.mangaki.verdandi.resource.internal;

import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/** The resource options every resource class merges under the caller's options. */
public final class Options {
    private Options() {
    }

    /**
     * The caller's options (may be null) over defaults that pin the provider plugin version, so
     * that the engine loads (and installs if needed) exactly that plugin, and that mark the given
     * outputs secret in the state.
     */
    public static CustomResourceOptions withVersion(String version, CustomResourceOptions options,
                                                    String... additionalSecretOutputs) {
        var defaults = CustomResourceOptions.builder().version(version);
        if (additionalSecretOutputs.length > 0) {
            defaults.additionalSecretOutputs(List.of(additionalSecretOutputs));
        }
        return CustomResourceOptions.merge(defaults.build(), options);
    }
}
