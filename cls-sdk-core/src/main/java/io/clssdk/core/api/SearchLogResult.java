package io.clssdk.core.api;

import java.util.List;
import java.util.Objects;

/** One page of {@code SearchLog} results. Immutable. */
public final class SearchLogResult {
    private final List<LogEntry> results;
    private final String context;
    private final boolean listOver;
    private final boolean analysis;
    private final String requestId;

    private SearchLogResult(List<LogEntry> results, String context, boolean listOver, boolean analysis, String id) {
        this.results = Checks.list(results, "Results");
        this.context = Checks.emptyToNull(context);
        this.listOver = listOver;
        this.analysis = analysis;
        this.requestId = id;
    }

    /**
     * A page of results.
     *
     * @param context {@code Context} to pass to the next request, or null
     * @param listOver {@code ListOver}: true when there are no more logs in the range
     * @param analysis {@code Analysis}: true when the query had an SQL part (its rows are not modelled here)
     */
    public static SearchLogResult of(
            List<LogEntry> results, String context, boolean listOver, boolean analysis, String requestId) {
        return new SearchLogResult(results, context, listOver, analysis, requestId);
    }

    /** {@code Results}: the logs of this page. */
    public List<LogEntry> results() {
        return results;
    }

    /** {@code Context}: pass it to the next request to continue, or null. */
    public String context() {
        return context;
    }

    /** {@code ListOver}: true when every log in the range has been returned. */
    public boolean listOver() {
        return listOver;
    }

    /** {@code Analysis}: true when the query's SQL part produced analysis rows instead of logs. */
    public boolean analysis() {
        return analysis;
    }

    /** The {@code RequestId} of the call, or null. */
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SearchLogResult)) {
            return false;
        }
        SearchLogResult r = (SearchLogResult) o;
        return listOver == r.listOver
                && analysis == r.analysis
                && results.equals(r.results)
                && Objects.equals(context, r.context)
                && Objects.equals(requestId, r.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(results, context, listOver, analysis, requestId);
    }

    @Override
    public String toString() {
        return "SearchLogResult{results=" + results.size() + ", listOver=" + listOver + ", analysis=" + analysis
                + ", requestId=" + requestId + '}';
    }
}
