package io.clssdk.tailer.internal.parse;

/** Why a pipeline produced no log for some input; reported through {@link LogOutput#dropped(DropReason)}. */
public enum DropReason {
    /** The log was parsed but did not pass {@code FilterKeyRegex} or {@code AdvanceFilterRules}. */
    FILTERED,
    /** The log could not be parsed and {@code UnMatchUpLoadSwitch} is off. */
    PARSE_FAILURE,
    /** An empty line outside a multi-line entry, or a JSON object without fields: nothing to upload. */
    EMPTY
}
