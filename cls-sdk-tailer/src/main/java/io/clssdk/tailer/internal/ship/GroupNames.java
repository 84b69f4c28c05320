package io.clssdk.tailer.internal.ship;

import java.util.HashMap;
import java.util.Map;

/** The names of the named capture groups of a regular expression, by group number (Java has no API for this). */
final class GroupNames {
    private GroupNames() {}

    static Map<Integer, String> of(String regex) {
        Map<Integer, String> names = new HashMap<>();
        int group = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++; // an escaped character never opens a group
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                    if (i + 2 < regex.length()
                            && regex.charAt(i + 2) == '<'
                            && i + 3 < regex.length()
                            && Character.isLetter(regex.charAt(i + 3))) {
                        int end = regex.indexOf('>', i + 3);
                        names.put(++group, regex.substring(i + 3, end));
                    }
                } else {
                    group++;
                }
            }
        }
        return names;
    }
}
