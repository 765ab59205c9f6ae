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

    /** For each pair of first bytes, the triggers starting with it (every case of any-case ones). */
    private final byte[][][] literals = new byte[1 << 16][][];
    private final boolean[][] anyCase = new boolean[1 << 16][];
    private final long[][] rules = new long[1 << 16][];
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
                if (t.literal().length() < 2) {
                    throw new IllegalStateException("rule " + table.get(r).id() + ": a trigger has two characters or more");
                }
                if (t.ignoreCase()) {
                    byte[] bytes = t.literal().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
                    for (int first : cases(bytes[0])) {
                        for (int second : cases(bytes[1])) {
                            add(first, second, bytes, true, r);
                        }
                    }
                } else {
                    byte[] bytes = t.literal().getBytes(StandardCharsets.ISO_8859_1);
                    add(bytes[0], bytes[1], bytes, false, r);
                }
            }
        }
    }

    private static int[] cases(byte b) {
        int lower = Character.toLowerCase(b & 0xff);
        int upper = Character.toUpperCase(b & 0xff);
        return lower == upper ? new int[] {lower} : new int[] {lower, upper};
    }

    private void add(int first, int second, byte[] literal, boolean ignoreCase, int rule) {
        int key = (first & 0xff) << 8 | (second & 0xff);
        int n = literals[key] == null ? 0 : literals[key].length;
        literals[key] = Arrays.copyOf(literals[key] == null ? new byte[0][] : literals[key], n + 1);
        anyCase[key] = Arrays.copyOf(anyCase[key] == null ? new boolean[0] : anyCase[key], n + 1);
        rules[key] = Arrays.copyOf(rules[key] == null ? new long[0] : rules[key], n + 1);
        literals[key][n] = literal;
        anyCase[key][n] = ignoreCase;
        rules[key][n] = 1L << rule;
    }

    /**
     * The mask of rules (bit i for rule i) whose triggers occur in {@code c}, and those
     * without triggers: one table look-up per byte (its pair with the next one).
     */
    long find(byte[] c) {
        long found = 0;
        int end = c.length - 1;
        for (int i = 0; i < end; i++) {
            int key = (c[i] & 0xff) << 8 | (c[i + 1] & 0xff);
            byte[][] candidates = literals[key];
            if (candidates == null) {
                continue;
            }
            for (int k = 0; k < candidates.length; k++) {
                if ((found & rules[key][k]) == 0 && at(c, i, candidates[k], anyCase[key][k])) {
                    found |= rules[key][k];
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
        for (int j = 2; j < n; j++) {
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
