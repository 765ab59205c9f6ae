package fr.mangaki.verdandi.component.internal;

/** The rules of {@code git check-ref-format --branch}, without running git. */
public final class GitRefs {
    private GitRefs() {
    }

    public static boolean isValidBranch(String name) {
        if (name.isEmpty() || name.equals("@") || name.startsWith("-") || name.startsWith("/")
                || name.endsWith("/") || name.endsWith(".") || name.endsWith(".lock")
                || name.contains("..") || name.contains("//") || name.contains("@{")) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.endsWith(".lock")) {
                return false;
            }
        }
        return true;
    }
}
