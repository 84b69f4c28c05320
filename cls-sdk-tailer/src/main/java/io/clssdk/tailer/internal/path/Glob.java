package io.clssdk.tailer.internal.path;

import java.util.regex.Pattern;

/**
 * Translates the tailer's glob syntax to regular expressions: {@code *} is any run of characters except {@code /},
 * {@code ?} is exactly one character except {@code /}, and (in full-path globs) {@code /**}{@code /} is zero or more
 * directory levels. Every other character is literal.
 */
final class Glob {
    private Glob() {}

    /** True if {@code s} contains {@code *} or {@code ?}. */
    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** A pattern for one path segment (no {@code /} inside). */
    static Pattern segment(String glob) {
        return Pattern.compile(translate(glob));
    }

    /** A pattern for a whole absolute path in which {@code /**}{@code /} may appear. */
    static Pattern fullPath(String glob) {
        StringBuilder re = new StringBuilder();
        String[] parts = glob.split("/\\*\\*/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append("/(?:[^/]+/)*");
            }
            re.append(translate(parts[i]));
        }
        return Pattern.compile(re.toString());
    }

    private static String translate(String glob) {
        StringBuilder re = new StringBuilder(glob.length() + 16);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                flush(re, literal);
                re.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        flush(re, literal);
        return re.toString();
    }

    private static void flush(StringBuilder re, StringBuilder literal) {
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
