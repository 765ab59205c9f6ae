package fr.mangaki.verdandi.host.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX shell quoting of command tokens. */
public final class ShellQuote {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private ShellQuote() {
    }

    /** The token as one shell word: left as is when only safe characters, else single-quoted. */
    public static String quote(String token) {
        if (!token.isEmpty() && SAFE.matcher(token).matches()) {
            return token;
        }
        return "'" + token.replace("'", "'\\''") + "'";
    }

    /** The tokens as one shell command line. */
    public static String join(List<String> tokens) {
        return tokens.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
