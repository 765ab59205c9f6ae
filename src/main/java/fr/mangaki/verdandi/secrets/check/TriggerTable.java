package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.check.LeakRule.Trigger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which rules of a table can match a content, from one pass over its bytes looking for every
 * rule's triggers ({@link LeakRule#triggers()}): most files have none, and cost this pass
 * only.
 */
final class TriggerTable {

    /** For each first byte, the triggers starting with it (lower and upper case for any-case ones). */
    private final byte[][][] literals = new byte[256][][];
    private final boolean[][] anyCase = new boolean[256][];
    private final long[][] rules = new long[256][];
    private long always;

    TriggerTable(List<LeakRule> table) {
        if (table.size() > Long.SIZE) {
            throw new IllegalStateException("more than 64 rules: widen the trigger mask");
        }
        for (int r = 0; r < table.size(); r++) {
            if (table.get(r).triggers().isEmpty()) {
                always |= 1L << r;
            }
            for (Trigger t : table.get(r).triggers()) {
                if (t.ignoreCase()) {
                    byte[] bytes = t.literal().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
                    add(Character.toLowerCase(bytes[0]), bytes, true, r);
                    add(Character.toUpperCase(bytes[0]), bytes, true, r);
                } else {
                    byte[] bytes = t.literal().getBytes(StandardCharsets.ISO_8859_1);
                    add(bytes[0], bytes, false, r);
                }
            }
        }
    }

    private void add(int first, byte[] literal, boolean ignoreCase, int rule) {
        int b = first & 0xff;
        int n = literals[b] == null ? 0 : literals[b].length;
        literals[b] = Arrays.copyOf(literals[b] == null ? new byte[0][] : literals[b], n + 1);
        anyCase[b] = Arrays.copyOf(anyCase[b] == null ? new boolean[0] : anyCase[b], n + 1);
        rules[b] = Arrays.copyOf(rules[b] == null ? new long[0] : rules[b], n + 1);
        literals[b][n] = literal;
        anyCase[b][n] = ignoreCase;
        rules[b][n] = 1L << rule;
    }

    /** The mask of rules (bit i for rule i) whose triggers occur in {@code c}, and those without triggers. */
    long find(byte[] c) {
        long found = 0;
        for (int i = 0; i < c.length; i++) {
            int b = c[i] & 0xff;
            byte[][] candidates = literals[b];
            if (candidates == null) {
                continue;
            }
            for (int k = 0; k < candidates.length; k++) {
                if ((found & rules[b][k]) == 0 && at(c, i, candidates[k], anyCase[b][k])) {
                    found |= rules[b][k];
                }
            }
        }
        return found | always;
    }

    private static boolean at(byte[] c, int i, byte[] literal, boolean ignoreCase) {
        int n = literal.length;
        if (i + n > c.length) {
            return false;
        }
        for (int j = 1; j < n; j++) {
            int x = c[i + j];
            if (ignoreCase && x >= 'A' && x <= 'Z') {
                x |= 0x20;
            }
            if (x != literal[j]) {
                return false;
            }
        }
        return true;
    }
}
