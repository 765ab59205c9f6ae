/**
 * Thin typed classes, one per provider resource, 1:1 with the provider schemas in
 * {@code ../shared/schemas}: {@link fr.mangaki.verdandi.resource.digitalocean} (DigitalOcean
 * {@value fr.mangaki.verdandi.resource.digitalocean.DigitalOceanPackage#VERSION}) and
 * {@link fr.mangaki.verdandi.resource.command} (command
 * {@value fr.mangaki.verdandi.resource.command.CommandPackage#VERSION}).
 *
 * <p>Each resource {@code Foo} extends {@link com.pulumi.resources.CustomResource}, names the
 * provider's type token in {@link com.pulumi.core.annotations.ResourceType} and its outputs with
 * {@link com.pulumi.core.annotations.Export}; its inputs {@code FooArgs} declare the schema's
 * property names with {@link com.pulumi.core.annotations.Import} and are built with a fluent
 * {@code FooArgs.builder()}. The provider plugins themselves are the real ones: each class passes
 * its plugin version in its resource options, and {@code com/pulumi/<package>/plugin.json} on the
 * classpath tells the Java language host which plugins to install. A test checks every class
 * against the contract extracted from the schemas by {@code scripts/extract-schema-contract}.
 */
package fr.mangaki.verdandi.resource;
