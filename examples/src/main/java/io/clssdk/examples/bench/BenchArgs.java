package io.clssdk.examples.bench;

import java.util.HashMap;
import java.util.Map;

/** Command-line options of the benchmark programs: each {@code --name=value}. */
final class BenchArgs {
    private BenchArgs() {}

    /** The options by name; anything not of the form {@code --name=value} is refused, naming it. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            out.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return out;
    }
}
