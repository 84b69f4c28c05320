package io.clssdk.core.api;

import java.util.Objects;

/**
 * The full-text index that {@link ClsApiClient#createIndex(String, FullTextIndex)} creates on a topic
 * ({@code CreateIndex.Rule.FullText}): the minimum SearchLog needs to find logs by keyword. Immutable.
 */
public final class FullTextIndex {
    /**
     * The console's default token separators, {@code @&?|#()='",;:<>[]{}/ \n\t\r\}: every character is one separator
     * (the API requires a {@code Tokenizer}; this is the value the console fills in).
     */
    public static final String DEFAULT_TOKENIZER = "@&?|#()='\",;:<>[]{}/ \n\t\r\\";

    private static final FullTextIndex DEFAULTS = builder().build();

    private final boolean caseSensitive;
    private final String tokenizer;
    private final Boolean containZh;

    private FullTextIndex(Builder b) {
        caseSensitive = b.caseSensitive;
        tokenizer = b.tokenizer;
        containZh = b.containZh;
    }

    /** Case-insensitive, {@link #DEFAULT_TOKENIZER}, {@code ContainZH} not sent. */
    public static FullTextIndex defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code CaseSensitive}. */
    public boolean caseSensitive() {
        return caseSensitive;
    }

    /** {@code Tokenizer}: the separator characters. */
    public String tokenizer() {
        return tokenizer;
    }

    /** {@code ContainZH}: whether Chinese text is segmented into words, or null to leave it to the API. */
    public Boolean containZh() {
        return containZh;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FullTextIndex)) {
            return false;
        }
        FullTextIndex f = (FullTextIndex) o;
        return caseSensitive == f.caseSensitive
                && tokenizer.equals(f.tokenizer)
                && Objects.equals(containZh, f.containZh);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseSensitive, tokenizer, containZh);
    }

    @Override
    public String toString() {
        return "FullTextIndex{caseSensitive=" + caseSensitive + ", containZh=" + containZh + '}';
    }

    /** Builds a {@link FullTextIndex}. */
    public static final class Builder {
        private boolean caseSensitive;
        private String tokenizer = DEFAULT_TOKENIZER;
        private Boolean containZh;

        private Builder() {}

        /** {@code CaseSensitive} (default false). */
        public Builder caseSensitive(boolean caseSensitive) {
            this.caseSensitive = caseSensitive;
            return this;
        }

        /** {@code Tokenizer} (default {@link #DEFAULT_TOKENIZER}); must not be empty. */
        public Builder tokenizer(String tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /** {@code ContainZH} (default: not sent). */
        public Builder containZh(Boolean containZh) {
            this.containZh = containZh;
            return this;
        }

        /**
         * Builds the index rule.
         *
         * @throws IllegalArgumentException if the tokenizer is empty
         */
        public FullTextIndex build() {
            if (tokenizer == null || tokenizer.isEmpty()) {
                throw new IllegalArgumentException("FullText.Tokenizer must not be empty");
            }
            return new FullTextIndex(this);
        }
    }
}
