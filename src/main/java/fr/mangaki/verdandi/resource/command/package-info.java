/**
 * Command provider resources (provider {@code command}
 * {@value fr.mangaki.verdandi.resource.command.CommandPackage#VERSION}): commands run on remote
 * hosts over SSH.
 */
package fr.mangaki.verdandi.resource.command;
