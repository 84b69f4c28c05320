package io.clssdk.tailer.internal.parse;

import io.clssdk.core.api.AdvanceFilterRule;
import io.clssdk.core.api.KeyRegex;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The collection filters of a configuration; a log is kept only when it passes every rule (AND).
 *
 * <ul>
 *   <li>{@code FilterKeyRegex}: the field's whole value must match the regex ({@code matches()}, not {@code find()}),
 *       compiled with DOTALL so that {@code 10.20.20.10.*} also keeps multi-line entries. When a key has several
 *       rules, the last one wins. A log without the key does not pass. An evaluation abandoned for exceeding its
 *       budget does not pass either.
 *   <li>{@code AdvanceFilterRules}: rule 0 keeps logs whose field equals {@code Value} exactly, 1 keeps logs that
 *       have the field, 2 keeps logs that do not.
 * </ul>
 *
 * Filters see the parsed fields (for full-text modes, {@code __CONTENT__}), not {@code RawLogKey}. Logs that failed
 * to parse are not filtered. One instance per pipeline.
 */
final class LogFilter {
    private final Rules rules;
    private final RegexRunner[] runners;

    LogFilter(Rules rules, PipelineOptions options) {
        this.rules = rules;
        this.runners = new RegexRunner[rules.patterns.length];
        for (int i = 0; i < runners.length; i++) {
            runners[i] = new RegexRunner(rules.patterns[i], options);
        }
    }

    boolean accepts(ParsedLog log) {
        for (int i = 0; i < runners.length; i++) {
            int f = log.indexOf(rules.regexKeys[i]);
            if (f < 0) {
                return false;
            }
            byte[] a = log.valueArray(f);
            int off = log.valueOffset(f);
            int len = log.valueLength(f);
            boolean ascii = Utf8.firstNonAscii(a, off, off + len) == off + len;
            if (runners[i].matches(a, off, len, ascii) != RegexRunner.MATCH) {
                return false;
            }
        }
        for (int i = 0; i < rules.ruleKeys.length; i++) {
            int f = log.indexOf(rules.ruleKeys[i]);
            boolean pass;
            switch (rules.ruleKinds[i]) {
                case AdvanceFilterRule.EQUALS:
                    pass = f >= 0 && log.valueEquals(f, rules.ruleValues[i]);
                    break;
                case AdvanceFilterRule.EXISTS:
                    pass = f >= 0;
                    break;
                default:
                    pass = f < 0;
            }
            if (!pass) {
                return false;
            }
        }
        return true;
    }

    /** Regex evaluations abandoned for exceeding their budget. */
    long abandoned() {
        long n = 0;
        for (RegexRunner r : runners) {
            n += r.abandoned();
        }
        return n;
    }

    void release() {
        for (RegexRunner r : runners) {
            r.release();
        }
    }

    /** The compiled rules of a configuration, shared by its pipelines. Immutable. */
    static final class Rules {
        final byte[][] regexKeys;
        final Pattern[] patterns;
        final byte[][] ruleKeys;
        final int[] ruleKinds;
        final byte[][] ruleValues;

        private Rules(Map<String, Pattern> regex, List<AdvanceFilterRule> advanced) {
            regexKeys = new byte[regex.size()][];
            patterns = new Pattern[regex.size()];
            int i = 0;
            for (Map.Entry<String, Pattern> e : regex.entrySet()) {
                regexKeys[i] = ReservedKeys.safe(utf8(e.getKey()));
                patterns[i++] = e.getValue();
            }
            ruleKeys = new byte[advanced.size()][];
            ruleKinds = new int[advanced.size()];
            ruleValues = new byte[advanced.size()][];
            for (i = 0; i < ruleKeys.length; i++) {
                AdvanceFilterRule r = advanced.get(i);
                ruleKeys[i] = ReservedKeys.safe(utf8(r.key()));
                ruleKinds[i] = r.rule();
                ruleValues[i] = r.value() == null ? null : utf8(r.value());
            }
        }

        /**
         * Compiles the rules, or returns null when there are none.
         *
         * @throws IllegalArgumentException for an invalid regex, an unknown rule number or a rule 0 without value
         */
        static Rules compile(List<KeyRegex> filterKeyRegex, List<AdvanceFilterRule> advanced) {
            if (filterKeyRegex.isEmpty() && advanced.isEmpty()) {
                return null;
            }
            Map<String, Pattern> regex = new LinkedHashMap<>();
            for (int i = 0; i < filterKeyRegex.size(); i++) {
                KeyRegex k = filterKeyRegex.get(i);
                regex.remove(k.key()); // the later rule for a key replaces the earlier one
                regex.put(
                        k.key(),
                        Patterns.compile(k.regex(), Pattern.DOTALL, "FilterKeyRegex[" + i + "].Regex", "400|500"));
            }
            for (int i = 0; i < advanced.size(); i++) {
                AdvanceFilterRule r = advanced.get(i);
                if (r.rule() > AdvanceFilterRule.ABSENT) {
                    throw new IllegalArgumentException("ExtractRule.AdvanceFilterRules[" + i + "].Rule " + r.rule()
                            + " is not supported; use 0 (Value equals), 1 (Key exists) or 2 (Key absent)");
                }
                if (r.rule() == AdvanceFilterRule.EQUALS && r.value() == null) {
                    throw new IllegalArgumentException(
                            "ExtractRule.AdvanceFilterRules[" + i
                                    + "] has Rule 0 (equals) but no Value, e.g. {\"Key\":\"status\",\"Rule\":0,\"Value\":\"200\"}");
                }
            }
            return new Rules(regex, advanced);
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
