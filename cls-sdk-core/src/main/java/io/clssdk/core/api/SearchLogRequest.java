package io.clssdk.core.api;

import java.util.Arrays;

/**
 * A {@code SearchLog} query over one topic and a time range. Immutable; {@link #toBuilder()} makes the next page's
 * request by setting {@link Builder#context(String)}.
 *
 * <pre>{@code
 * SearchLogRequest request = SearchLogRequest.builder()
 *         .topicId(topicId)
 *         .timeRange(now - 15 * 60_000, now)
 *         .queryString("level:ERROR")
 *         .build();
 * }</pre>
 */
public final class SearchLogRequest extends ModelValue {
    /** The most logs one SearchLog call returns. */
    public static final int MAX_LIMIT = 1000;
    /** {@code Limit} when not set (the API's default). */
    public static final int DEFAULT_LIMIT = 100;

    private final String topicId;
    private final long fromMs;
    private final long toMs;
    private final String queryString;
    private final Integer querySyntax;
    private final String sort;
    private final int limit;
    private final String context;

    private SearchLogRequest(Builder b) {
        topicId = b.topicId;
        fromMs = b.fromMs;
        toMs = b.toMs;
        queryString = b.queryString;
        querySyntax = b.querySyntax;
        sort = Checks.emptyToNull(b.sort);
        limit = b.limit;
        context = Checks.emptyToNull(b.context);
    }

    /** A builder with query {@code *}, {@code Limit} {@value #DEFAULT_LIMIT} and no time range (required). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder()
                .topicId(topicId)
                .timeRange(fromMs, toMs)
                .queryString(queryString)
                .querySyntax(querySyntax)
                .sort(sort)
                .limit(limit)
                .context(context);
    }

    /** {@code TopicId}. */
    public String topicId() {
        return topicId;
    }

    /** {@code From}: the start of the range, Unix milliseconds, inclusive. */
    public long fromMs() {
        return fromMs;
    }

    /** {@code To}: the end of the range, Unix milliseconds. */
    public long toMs() {
        return toMs;
    }

    /** {@code QueryString}: {@code *} for every log, a search statement, or a statement with {@code | SQL}. */
    public String queryString() {
        return queryString;
    }

    /** {@code QuerySyntax}: 0 Lucene, 1 CQL, or null for the API default. */
    public Integer querySyntax() {
        return querySyntax;
    }

    /** {@code Sort}: {@code asc} or {@code desc} by time, or null for the API default ({@code desc}). */
    public String sort() {
        return sort;
    }

    /** {@code Limit}: logs per call, 1 to {@value #MAX_LIMIT}. */
    public int limit() {
        return limit;
    }

    /** {@code Context}: the previous page's {@link SearchLogResult#context()}, or null for the first page. */
    public String context() {
        return context;
    }

    @Override
    public String toString() {
        return "SearchLogRequest" + Arrays.toString(state());
    }

    @Override
    Object[] state() {
        return new Object[] {topicId, fromMs, toMs, queryString, querySyntax, sort, limit, context};
    }

    /** Builds a {@link SearchLogRequest}; {@link #build()} validates. */
    public static final class Builder {
        private String topicId;
        private long fromMs = -1;
        private long toMs = -1;
        private String queryString = "*";
        private Integer querySyntax;
        private String sort;
        private int limit = DEFAULT_LIMIT;
        private String context;

        private Builder() {}

        /** {@code TopicId} (required). */
        public Builder topicId(String topicId) {
            this.topicId = topicId;
            return this;
        }

        /** {@code From} and {@code To} in Unix milliseconds (required; {@code fromMs <= toMs}). */
        public Builder timeRange(long fromMs, long toMs) {
            this.fromMs = fromMs;
            this.toMs = toMs;
            return this;
        }

        /** {@code QueryString} (default {@code *}; null or empty also means every log). At most 12 KiB. */
        public Builder queryString(String queryString) {
            this.queryString = queryString == null || queryString.trim().isEmpty() ? "*" : queryString;
            return this;
        }

        /** {@code QuerySyntax}: 0 Lucene, 1 CQL. */
        public Builder querySyntax(Integer querySyntax) {
            this.querySyntax = querySyntax;
            return this;
        }

        /** {@code Sort}: {@code asc} or {@code desc}. */
        public Builder sort(String sort) {
            this.sort = sort;
            return this;
        }

        /** {@code Limit}: 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** {@code Context}: continue after the page that returned this value. */
        public Builder context(String context) {
            this.context = context;
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws IllegalArgumentException naming the missing or invalid field, for example {@code From > To} or a
         *     {@code Limit} above {@value #MAX_LIMIT}
         */
        public SearchLogRequest build() {
            Checks.requireText(topicId, "TopicId");
            if (fromMs < 0 || toMs < 0) {
                throw new IllegalArgumentException(
                        "From and To are required: call timeRange(fromMs, toMs) with Unix" + " milliseconds >= 0");
            }
            if (fromMs > toMs) {
                throw new IllegalArgumentException("From must not be after To, got From=" + fromMs + " To=" + toMs);
            }
            Checks.range(limit, 1, MAX_LIMIT, "Limit");
            Checks.range(querySyntax, 0, 1, "QuerySyntax");
            if (sort != null && !sort.isEmpty() && !sort.equals("asc") && !sort.equals("desc")) {
                throw new IllegalArgumentException("Sort must be asc or desc, got '" + sort + "'");
            }
            int queryBytes = queryString.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (queryBytes > 12 * 1024) {
                throw new IllegalArgumentException("QueryString must be at most 12 KiB, got " + queryBytes + " bytes");
            }
            return new SearchLogRequest(this);
        }
    }
}
