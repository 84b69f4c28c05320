package io.clssdk.core.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of a {@code Describe*} result: the items of this page and the total number of matches. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final long totalCount;
    private final String requestId;

    private Page(List<T> items, long totalCount, String requestId) {
        this.items = Checks.list(items, "items");
        this.totalCount = totalCount;
        this.requestId = requestId;
    }

    /**
     * A page.
     *
     * @param totalCount {@code TotalCount}: matches across all pages
     * @param requestId the request id CLS returned, or null
     */
    public static <T> Page<T> of(List<T> items, long totalCount, String requestId) {
        return new Page<>(items, totalCount, requestId);
    }

    /** The items of this page, in the order CLS returned them. */
    public List<T> items() {
        return items;
    }

    /** {@code TotalCount}: how many items match across all pages. */
    public long totalCount() {
        return totalCount;
    }

    /** The {@code RequestId} of the call that returned this page, or null. */
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Page)) {
            return false;
        }
        Page<?> p = (Page<?>) o;
        return totalCount == p.totalCount && items.equals(p.items) && Objects.equals(requestId, p.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, totalCount, requestId);
    }

    @Override
    public String toString() {
        return "Page{items=" + items.size() + ", totalCount=" + totalCount + ", requestId=" + requestId + '}';
    }
}
