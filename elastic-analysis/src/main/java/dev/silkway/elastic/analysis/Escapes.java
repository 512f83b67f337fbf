package dev.silkway.elastic.analysis;

/** Backslash escapes in analysis rules: {@code \\n}, {@code \\t}, {@code \\uXXXX} and the like. */
final class Escapes {

    private Escapes() {}

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\') {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("Invalid escaped char in [" + s + "]");
                }
                c = s.charAt(i++);
                switch (c) {
                    case 'n' -> c = '\n';
                    case 't' -> c = '\t';
                    case 'r' -> c = '\r';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("Invalid escaped char in [" + s + "]");
                        }
                        c = (char) Integer.parseInt(s.substring(i, i + 4), 16);
                        i += 4;
                    }
                    default -> {
                        // "\\" and any other escaped character stand for themselves.
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
