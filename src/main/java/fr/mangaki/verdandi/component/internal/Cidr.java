package fr.mangaki.verdandi.component.internal;

import java.util.regex.Pattern;

/** Checks IPv4 and IPv6 networks in CIDR notation, without any name lookup. */
public final class Cidr {
    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private Cidr() {
    }

    public static boolean isValid(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        String prefix = slash < 0 ? null : cidr.substring(slash + 1);
        if (prefix != null && !prefix.matches("\\d{1,3}")) {
            return false;
        }
        if (V4.matcher(address).matches()) {
            return prefix == null || Integer.parseInt(prefix) <= 32;
        }
        if (V6.matcher(address).matches() && isIpv6(address)) {
            return prefix == null || Integer.parseInt(prefix) <= 128;
        }
        return false;
    }

    private static boolean isIpv6(String address) {
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = address.split(":", -1);
        int count = 0;
        for (String g : groups) {
            if (g.isEmpty()) {
                continue;
            }
            if (g.contains(".")) {
                if (!V4.matcher(g).matches()) {
                    return false;
                }
                count += 2;
            } else if (g.length() > 4) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }
}
