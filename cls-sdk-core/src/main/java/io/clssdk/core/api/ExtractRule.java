package io.clssdk.core.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a collection configuration extracts fields, time and metadata from each log ({@code ExtractRule}); every field
 * of the API's {@code ExtractRuleInfo}. Which fields apply depends on the {@link LogType}. Unset fields are null (or
 * empty lists and maps) and are not sent; {@code Backtracking} defaults to −1 and is always sent.
 *
 * <p>Immutable. {@link Builder#build()} checks what the API checks: {@code TimeKey} and {@code TimeFormat} come as a
 * pair, {@code UnMatchUpLoadSwitch=true} needs {@code UnMatchLogKey}, {@code MetadataType} 2 needs {@code MetaTags}
 * and 3 needs {@code PathRegex}, and the numeric bounds below.
 */
public final class ExtractRule extends ModelValue {
    /** {@code Backtracking} −1: collect existing files from their beginning (the default). */
    public static final long BACKTRACKING_FULL = -1;
    /** The largest {@code Backtracking} the API accepts (1 GiB). */
    public static final long MAX_BACKTRACKING = 1_073_741_824L;
    /** The most {@code Keys} the API accepts. */
    public static final int MAX_KEYS = 100;

    private final String timeKey;
    private final String timeFormat;
    private final String delimiter;
    private final String logRegex;
    private final String beginRegex;
    private final List<String> keys;
    private final List<KeyRegex> filterKeyRegex;
    private final Boolean unMatchUpLoadSwitch;
    private final String unMatchLogKey;
    private final long backtracking;
    private final Integer isGbk;
    private final Integer jsonStandard;
    private final String protocol;
    private final String address;
    private final String parseProtocol;
    private final Integer metadataType;
    private final String pathRegex;
    private final Map<String, String> metaTags;
    private final List<EventLogRule> eventLogRules;
    private final List<AdvanceFilterRule> advanceFilterRules;
    private final String rawLogKey;
    private final List<String> units;
    private final Boolean includeKernel;
    private final Boolean useJournalTime;
    private final List<String> keysDelimiter;
    private final List<Long> keysFlag;

    private ExtractRule(Builder b) {
        timeKey = Checks.emptyToNull(b.timeKey);
        timeFormat = Checks.emptyToNull(b.timeFormat);
        delimiter = b.delimiter;
        logRegex = Checks.emptyToNull(b.logRegex);
        beginRegex = Checks.emptyToNull(b.beginRegex);
        keys = Checks.list(b.keys, "ExtractRule.Keys");
        filterKeyRegex = Checks.list(b.filterKeyRegex, "ExtractRule.FilterKeyRegex");
        unMatchUpLoadSwitch = b.unMatchUpLoadSwitch;
        unMatchLogKey = Checks.emptyToNull(b.unMatchLogKey);
        backtracking = b.backtracking;
        isGbk = b.isGbk;
        jsonStandard = b.jsonStandard;
        protocol = Checks.emptyToNull(b.protocol);
        address = Checks.emptyToNull(b.address);
        parseProtocol = Checks.emptyToNull(b.parseProtocol);
        metadataType = b.metadataType;
        pathRegex = Checks.emptyToNull(b.pathRegex);
        metaTags = Checks.map(b.metaTags, "ExtractRule.MetaTags");
        eventLogRules = Checks.list(b.eventLogRules, "ExtractRule.EventLogRules");
        advanceFilterRules = Checks.list(b.advanceFilterRules, "ExtractRule.AdvanceFilterRules");
        rawLogKey = Checks.emptyToNull(b.rawLogKey);
        units = Checks.list(b.units, "ExtractRule.Units");
        includeKernel = b.includeKernel;
        useJournalTime = b.useJournalTime;
        keysDelimiter = Checks.list(b.keysDelimiter, "ExtractRule.KeysDelimiter");
        keysFlag = Checks.list(b.keysFlag, "ExtractRule.KeysFlag");
    }

    /** A builder with every field unset and {@code Backtracking} −1. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this rule's values. */
    public Builder toBuilder() {
        return new Builder()
                .timeKey(timeKey)
                .timeFormat(timeFormat)
                .delimiter(delimiter)
                .logRegex(logRegex)
                .beginRegex(beginRegex)
                .keys(keys)
                .filterKeyRegex(filterKeyRegex)
                .unMatchUpLoadSwitch(unMatchUpLoadSwitch)
                .unMatchLogKey(unMatchLogKey)
                .backtracking(backtracking)
                .isGbk(isGbk)
                .jsonStandard(jsonStandard)
                .protocol(protocol)
                .address(address)
                .parseProtocol(parseProtocol)
                .metadataType(metadataType)
                .pathRegex(pathRegex)
                .metaTags(metaTags)
                .eventLogRules(eventLogRules)
                .advanceFilterRules(advanceFilterRules)
                .rawLogKey(rawLogKey)
                .units(units)
                .includeKernel(includeKernel)
                .useJournalTime(useJournalTime)
                .keysDelimiter(keysDelimiter)
                .keysFlag(keysFlag);
    }

    /** {@code TimeKey}: the field holding the log time, or null to use the collection time. */
    public String timeKey() {
        return timeKey;
    }

    /** {@code TimeFormat}: the strftime-style format of {@link #timeKey()}, or null. */
    public String timeFormat() {
        return timeFormat;
    }

    /** {@code Delimiter} of {@link LogType#DELIMITER_LOG}, or null. */
    public String delimiter() {
        return delimiter;
    }

    /** {@code LogRegex}: the whole-log regular expression of the full-regex modes, or null. */
    public String logRegex() {
        return logRegex;
    }

    /** {@code BeginRegex}: the first-line regular expression of the multi-line modes, or null. */
    public String beginRegex() {
        return beginRegex;
    }

    /** {@code Keys}: field names for delimiter parts or capture groups; an empty name drops that part. */
    public List<String> keys() {
        return keys;
    }

    /** {@code FilterKeyRegex}: legacy filters, AND-ed; empty when none. */
    public List<KeyRegex> filterKeyRegex() {
        return filterKeyRegex;
    }

    /** {@code UnMatchUpLoadSwitch}: upload logs that fail to parse (under {@link #unMatchLogKey()}), or null. */
    public Boolean unMatchUpLoadSwitch() {
        return unMatchUpLoadSwitch;
    }

    /** {@code UnMatchLogKey}: the key for logs that failed to parse, or null. */
    public String unMatchLogKey() {
        return unMatchLogKey;
    }

    /** {@code Backtracking}: −1 = read existing files from the start; N ≥ 0 = start N bytes before their end. */
    public long backtracking() {
        return backtracking;
    }

    /** {@code IsGBK}: 1 when files are GBK-encoded, 0 for UTF-8, or null. */
    public Integer isGbk() {
        return isGbk;
    }

    /** {@code JsonStandard}: 1 = standard JSON parser, 0 = CLS parser, or null. */
    public Integer jsonStandard() {
        return jsonStandard;
    }

    /** {@code Protocol} of {@link LogType#SERVICE_SYSLOG} ({@code tcp} or {@code udp}), or null. */
    public String protocol() {
        return protocol;
    }

    /** {@code Address} ({@code [ip]:[port]}) of {@link LogType#SERVICE_SYSLOG}, or null. */
    public String address() {
        return address;
    }

    /** {@code ParseProtocol} of {@link LogType#SERVICE_SYSLOG} ({@code rfc3164}, {@code rfc5424}, {@code auto}). */
    public String parseProtocol() {
        return parseProtocol;
    }

    /** {@code MetadataType}: 0 none, 1 machine-group metadata, 2 {@link #metaTags()}, 3 {@link #pathRegex()}. */
    public Integer metadataType() {
        return metadataType;
    }

    /** {@code PathRegex}: captures from the file path that become {@code __TAG__} metadata, or null. */
    public String pathRegex() {
        return pathRegex;
    }

    /** {@code MetaTags}: user-defined metadata, in order; empty when none. */
    public Map<String, String> metaTags() {
        return metaTags;
    }

    /** {@code EventLogRules} of {@link LogType#WINDOWS_EVENT_LOG}; empty when none. */
    public List<EventLogRule> eventLogRules() {
        return eventLogRules;
    }

    /** {@code AdvanceFilterRules}; empty when none. */
    public List<AdvanceFilterRule> advanceFilterRules() {
        return advanceFilterRules;
    }

    /** {@code RawLogKey}: also upload the raw line under this key, or null. */
    public String rawLogKey() {
        return rawLogKey;
    }

    /** {@code Units} of {@link LogType#JOURNAL_LOG}; empty when none. */
    public List<String> units() {
        return units;
    }

    /** {@code IncludeKernel} of {@link LogType#JOURNAL_LOG}, or null. */
    public Boolean includeKernel() {
        return includeKernel;
    }

    /** {@code UseJournalTime} of {@link LogType#JOURNAL_LOG}, or null. */
    public Boolean useJournalTime() {
        return useJournalTime;
    }

    /** {@code KeysDelimiter}; empty when none. */
    public List<String> keysDelimiter() {
        return keysDelimiter;
    }

    /** {@code KeysFlag}; empty when none. */
    public List<Long> keysFlag() {
        return keysFlag;
    }

    @Override
    public String toString() {
        return "ExtractRule" + Arrays.toString(state());
    }

    @Override
    Object[] state() {
        return new Object[] {
            timeKey, timeFormat, delimiter, logRegex, beginRegex, keys, filterKeyRegex, unMatchUpLoadSwitch,
            unMatchLogKey, backtracking, isGbk, jsonStandard, protocol, address, parseProtocol, metadataType,
            pathRegex, metaTags, eventLogRules, advanceFilterRules, rawLogKey, units, includeKernel, useJournalTime,
            keysDelimiter, keysFlag
        };
    }

    /** Builds an {@link ExtractRule}; {@link #build()} validates. Empty strings count as unset. */
    public static final class Builder {
        private String timeKey;
        private String timeFormat;
        private String delimiter;
        private String logRegex;
        private String beginRegex;
        private List<String> keys;
        private List<KeyRegex> filterKeyRegex;
        private Boolean unMatchUpLoadSwitch;
        private String unMatchLogKey;
        private long backtracking = BACKTRACKING_FULL;
        private Integer isGbk;
        private Integer jsonStandard;
        private String protocol;
        private String address;
        private String parseProtocol;
        private Integer metadataType;
        private String pathRegex;
        private Map<String, String> metaTags;
        private List<EventLogRule> eventLogRules;
        private List<AdvanceFilterRule> advanceFilterRules;
        private String rawLogKey;
        private List<String> units;
        private Boolean includeKernel;
        private Boolean useJournalTime;
        private List<String> keysDelimiter;
        private List<Long> keysFlag;

        private Builder() {}

        /** {@code TimeKey}; set together with {@link #timeFormat(String)}. */
        public Builder timeKey(String timeKey) {
            this.timeKey = timeKey;
            return this;
        }

        /** {@code TimeFormat}, for example {@code %Y-%m-%d %H:%M:%S.%f}; set together with {@link #timeKey}. */
        public Builder timeFormat(String timeFormat) {
            this.timeFormat = timeFormat;
            return this;
        }

        /** {@code Delimiter}, for example {@code ,} or {@code :::}. */
        public Builder delimiter(String delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /** {@code LogRegex}. */
        public Builder logRegex(String logRegex) {
            this.logRegex = logRegex;
            return this;
        }

        /** {@code BeginRegex}. */
        public Builder beginRegex(String beginRegex) {
            this.beginRegex = beginRegex;
            return this;
        }

        /** {@code Keys}, at most {@value #MAX_KEYS}. */
        public Builder keys(List<String> keys) {
            this.keys = keys;
            return this;
        }

        /** {@code Keys}, at most {@value #MAX_KEYS}. */
        public Builder keys(String... keys) {
            return keys(Arrays.asList(keys));
        }

        /** {@code FilterKeyRegex}. */
        public Builder filterKeyRegex(List<KeyRegex> filterKeyRegex) {
            this.filterKeyRegex = filterKeyRegex;
            return this;
        }

        /** {@code UnMatchUpLoadSwitch}; {@code true} requires {@link #unMatchLogKey(String)}. */
        public Builder unMatchUpLoadSwitch(Boolean unMatchUpLoadSwitch) {
            this.unMatchUpLoadSwitch = unMatchUpLoadSwitch;
            return this;
        }

        /** {@code UnMatchLogKey}, for example {@code LogParseFailure}. */
        public Builder unMatchLogKey(String unMatchLogKey) {
            this.unMatchLogKey = unMatchLogKey;
            return this;
        }

        /** {@code Backtracking}: −1 (default) or 0 to {@value #MAX_BACKTRACKING} bytes. */
        public Builder backtracking(long backtracking) {
            this.backtracking = backtracking;
            return this;
        }

        /** {@code IsGBK}: 0 or 1. */
        public Builder isGbk(Integer isGbk) {
            this.isGbk = isGbk;
            return this;
        }

        /** {@code JsonStandard}: 0 or 1. */
        public Builder jsonStandard(Integer jsonStandard) {
            this.jsonStandard = jsonStandard;
            return this;
        }

        /** {@code Protocol}. */
        public Builder protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        /** {@code Address}. */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** {@code ParseProtocol}. */
        public Builder parseProtocol(String parseProtocol) {
            this.parseProtocol = parseProtocol;
            return this;
        }

        /** {@code MetadataType}: 0 to 3. */
        public Builder metadataType(Integer metadataType) {
            this.metadataType = metadataType;
            return this;
        }

        /** {@code PathRegex}. */
        public Builder pathRegex(String pathRegex) {
            this.pathRegex = pathRegex;
            return this;
        }

        /** {@code MetaTags}, in iteration order. */
        public Builder metaTags(Map<String, String> metaTags) {
            this.metaTags = metaTags;
            return this;
        }

        /** {@code EventLogRules}. */
        public Builder eventLogRules(List<EventLogRule> eventLogRules) {
            this.eventLogRules = eventLogRules;
            return this;
        }

        /** {@code AdvanceFilterRules}. */
        public Builder advanceFilterRules(List<AdvanceFilterRule> advanceFilterRules) {
            this.advanceFilterRules = advanceFilterRules;
            return this;
        }

        /** {@code RawLogKey}. */
        public Builder rawLogKey(String rawLogKey) {
            this.rawLogKey = rawLogKey;
            return this;
        }

        /** {@code Units}. */
        public Builder units(List<String> units) {
            this.units = units;
            return this;
        }

        /** {@code IncludeKernel}. */
        public Builder includeKernel(Boolean includeKernel) {
            this.includeKernel = includeKernel;
            return this;
        }

        /** {@code UseJournalTime}. */
        public Builder useJournalTime(Boolean useJournalTime) {
            this.useJournalTime = useJournalTime;
            return this;
        }

        /** {@code KeysDelimiter}. */
        public Builder keysDelimiter(List<String> keysDelimiter) {
            this.keysDelimiter = keysDelimiter;
            return this;
        }

        /** {@code KeysFlag}. */
        public Builder keysFlag(List<Long> keysFlag) {
            this.keysFlag = keysFlag;
            return this;
        }

        /**
         * Builds the rule.
         *
         * @throws IllegalArgumentException naming the field that breaks a rule of the API
         */
        public ExtractRule build() {
            if (Checks.isEmpty(timeKey) != Checks.isEmpty(timeFormat)) {
                throw new IllegalArgumentException("ExtractRule.TimeKey and ExtractRule.TimeFormat must be set together"
                        + " (got TimeKey=" + timeKey + ", TimeFormat=" + timeFormat + ")");
            }
            if (Boolean.TRUE.equals(unMatchUpLoadSwitch) && Checks.isEmpty(unMatchLogKey)) {
                throw new IllegalArgumentException("ExtractRule.UnMatchLogKey is required when UnMatchUpLoadSwitch is"
                        + " true (the console uses LogParseFailure)");
            }
            Checks.range(backtracking, BACKTRACKING_FULL, MAX_BACKTRACKING, "ExtractRule.Backtracking");
            if (keys != null && keys.size() > MAX_KEYS) {
                throw new IllegalArgumentException(
                        "ExtractRule.Keys must have at most " + MAX_KEYS + " names, got " + keys.size());
            }
            Checks.range(isGbk, 0, 1, "ExtractRule.IsGBK");
            Checks.range(jsonStandard, 0, 1, "ExtractRule.JsonStandard");
            Checks.range(metadataType, 0, 3, "ExtractRule.MetadataType");
            if (Objects.equals(metadataType, 2) && (metaTags == null || metaTags.isEmpty())) {
                throw new IllegalArgumentException("ExtractRule.MetaTags is required when MetadataType is 2");
            }
            if (Objects.equals(metadataType, 3) && Checks.isEmpty(pathRegex)) {
                throw new IllegalArgumentException("ExtractRule.PathRegex is required when MetadataType is 3");
            }
            return new ExtractRule(this);
        }
    }
}
