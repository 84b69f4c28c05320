package io.clssdk.tailer.internal.parse;

/**
 * Thrown by {@link RegexInput#charAt(int)} to abandon a regular-expression evaluation that used up its budget. A
 * shared instance without stack trace: it is control flow, caught by {@link RegexRunner}, never seen by callers.
 */
final class RegexBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final RegexBudgetExceeded INSTANCE = new RegexBudgetExceeded();

    private RegexBudgetExceeded() {
        super("regular expression budget exceeded", null, false, false);
    }
}
