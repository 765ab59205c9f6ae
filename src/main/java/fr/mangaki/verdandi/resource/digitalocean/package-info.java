/**
 * DigitalOcean resources (provider {@code digitalocean}
 * {@value fr.mangaki.verdandi.resource.digitalocean.DigitalOceanPackage#VERSION}), one class per
 * resource type token, with their {@code *Args} inputs.
 */
package fr.mangaki.verdandi.resource.digitalocean;
