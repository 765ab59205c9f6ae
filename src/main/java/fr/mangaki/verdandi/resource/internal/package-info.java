/** Code shared by the resource classes: input conversion, required-input checks, options. */
package fr.mangaki.verdandi.resource.internal;
