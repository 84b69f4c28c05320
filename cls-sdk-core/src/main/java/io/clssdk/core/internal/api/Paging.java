package io.clssdk.core.internal.api;

import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.api.LogEntry;
import io.clssdk.core.api.Page;
import io.clssdk.core.api.SearchLogRequest;
import io.clssdk.core.api.SearchLogResult;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lazy iteration over paged results: {@code Describe*} by {@code Offset}/{@code Limit} and {@code SearchLog} by
 * {@code Context}. A page is fetched only when iteration reaches it; each {@code iterator()} starts from the first
 * page. Iterators are not thread-safe; the iterables may be shared.
 */
final class Paging {
    private Paging() {}

    /** Fetches one page at {@code (offset, limit)}. */
    @FunctionalInterface
    interface PageFetcher<T> {
        Page<T> fetch(int offset, int limit);
    }

    /**
     * Every item, in pages of {@value ClsApiClient#MAX_PAGE_SIZE}. Stops after a short or empty page, or once
     * {@code TotalCount} items have been seen.
     */
    static <T> Iterable<T> pages(PageFetcher<T> fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return () -> new PageIterator<>(offset -> {
            Page<T> page = fetcher.fetch(offset, ClsApiClient.MAX_PAGE_SIZE);
            boolean last = page.items().size() < ClsApiClient.MAX_PAGE_SIZE
                    || offset + page.items().size() >= page.totalCount();
            return new Chunk<>(page.items(), last ? -1 : offset + page.items().size());
        });
    }

    /**
     * Every log of a search, following {@code Context} until {@code ListOver}, a missing context, or a context that
     * does not change (no progress, so stopping is the only way to terminate).
     */
    static Iterable<LogEntry> logs(SearchLogRequest first, Function<SearchLogRequest, SearchLogResult> search) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(search, "search");
        return () -> new Iterator<LogEntry>() {
            private SearchLogRequest next = first;
            private Iterator<LogEntry> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next != null) {
                    SearchLogRequest request = next;
                    SearchLogResult result = search.apply(request);
                    current = result.results().iterator();
                    String context = result.context();
                    boolean over = result.listOver() || context == null || context.equals(request.context());
                    next = over ? null : request.toBuilder().context(context).build();
                }
                return current.hasNext();
            }

            @Override
            public LogEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** One fetched page and the offset of the next one, or −1 after the last. */
    private static final class Chunk<T> {
        final List<T> items;
        final int nextOffset;

        Chunk(List<T> items, int nextOffset) {
            this.items = items;
            this.nextOffset = nextOffset;
        }
    }

    private static final class PageIterator<T> implements Iterator<T> {
        private final Function<Integer, Chunk<T>> fetch;
        private Iterator<T> current = Collections.emptyIterator();
        private int nextOffset = 0;

        PageIterator(Function<Integer, Chunk<T>> fetch) {
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && nextOffset >= 0) {
                Chunk<T> chunk = fetch.apply(nextOffset);
                current = chunk.items.iterator();
                nextOffset = chunk.nextOffset;
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
