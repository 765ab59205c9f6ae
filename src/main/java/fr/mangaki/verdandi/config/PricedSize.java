package fr.mangaki.verdandi.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A size DigitalOcean sells by the month (a droplet's, a managed database node's): its slug,
 * what it has, and its monthly list price in US dollars. {@link DropletSize} and
 * {@link ManagedDatabaseSize} are tables of these.
 */
public interface PricedSize {

    /** The facts of one size, as DigitalOcean's price list gives them. */
    record Spec(String slug, int vcpus, int memoryMb, int diskGb, BigDecimal monthlyUsd) {
        static Spec of(String slug, int vcpus, int memoryMb, int diskGb, String monthlyUsd) {
            return new Spec(slug, vcpus, memoryMb, diskGb, new BigDecimal(monthlyUsd));
        }
    }

    Spec spec();

    /** The size's name in DigitalOcean's API, such as {@code s-1vcpu-1gb}. */
    default String slug() {
        return spec().slug();
    }

    default int vcpus() {
        return spec().vcpus();
    }

    default int memoryMb() {
        return spec().memoryMb();
    }

    /** The disk (for a database node: the storage) in GiB. */
    default int diskGb() {
        return spec().diskGb();
    }

    /** The monthly list price in US dollars (a droplet's before backups; a database node's, per node). */
    default BigDecimal monthlyUsd() {
        return spec().monthlyUsd();
    }

    /** The size of {@code table} named {@code slug}, if the table has it. */
    static <S extends Enum<S> & PricedSize> Optional<S> bySlug(Class<S> table, String slug) {
        return Arrays.stream(table.getEnumConstants()).filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** The slugs of {@code table}, in its order. */
    static <S extends Enum<S> & PricedSize> List<String> slugs(Class<S> table) {
        return Arrays.stream(table.getEnumConstants()).map(PricedSize::slug).toList();
    }
}
