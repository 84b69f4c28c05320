package io.clssdk.tailer.internal.parse;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles configuration regexes with an error message that names the field and shows an accepted form. */
final class Patterns {
    private Patterns() {}

    static Pattern compile(String regex, int flags, String field, String example) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("ExtractRule." + field + " must not be empty, e.g. " + example);
        }
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "ExtractRule." + field + " is not a valid regular expression (" + e.getDescription()
                            + " near index " + e.getIndex() + " of " + regex + "), e.g. " + example,
                    e);
        }
    }
}
