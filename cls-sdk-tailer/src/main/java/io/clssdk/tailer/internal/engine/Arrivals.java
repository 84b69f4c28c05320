package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.internal.file.FileStat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a file that had a matching name for any time is read, or counted as lost.
 *
 * <p>A watch event is handled some time after it happened, and the engine then looks at the path as it is <em>now</em>:
 * a file created at {@code app.log} and renamed to {@code app.log.7} before its create event is handled is not there
 * any more, and {@code app.log.7} matches no rule. Two things catch it:
 *
 * <ul>
 *   <li><b>Rename pairs.</b> A rename inside a watched directory arrives as a delete of the old name immediately followed
 *       by a create of the new one (Linux queues IN_MOVED_FROM and IN_MOVED_TO together). When the old name matched a
 *       rule and the new one does not, and the file there is one the table has never seen, it is that file: it is
 *       followed as a rotated file from offset 0. If the new name is already gone too, it is remembered as a link of
 *       the chain, so the next rename of it is caught the same way. A rename from one matching name to another is not
 *       an arrival: the file was accounted for under its first name. Honest limit: Java's watch service does not pass
 *       the kernel's rename cookie, so a matching file deleted and, with no other create or delete in that directory in
 *       between, followed by an unrelated file created under a non-matching name is taken for the renamed file and
 *       read.
 *   <li><b>A ledger per path.</b> Every create event for a matching name is an arrival; every file the table starts
 *       following (or finds moved) under that name is an identification. They are matched first in, first out, whatever
 *       their order. An arrival still unmatched after a full rescan interval (a rescan has walked every directory since
 *       it was recorded) belongs to a file nobody can read any more: it was deleted, or moved out of the watched
 *       directories, before it could be opened. It is counted in {@link #lostFiles()} and logged at WARN with its path.
 *       Identifications without an arrival (files found by a rescan after an overflow, or renamed from another matching
 *       name) expire the same way; while one is pending it may hide a loss at the same path.
 * </ul>
 *
 * <p>Files the table followed but never opened (waiting for a descriptor, or unreadable) and then lost are reported
 * through {@link #lost}. Engine-thread only, except {@link #lostFiles()}.
 */
final class Arrivals {
    private static final Logger log = LoggerFactory.getLogger(Arrivals.class);
    private static final int MAX_CHAIN = 4096;
    /**
     * Unmatched entries kept at most (a few MB). Past it everything recorded so far is settled at once: an arrival
     * whose file is still being looked at may then be counted lost. Only files coming and going unseen at thousands a
     * second for a whole rescan interval get there.
     */
    private static final int MAX_PENDING = 100_000;

    /** Arrival and identification times (nanos) of one path not yet matched with each other. */
    private static final class Ledger {
        final ArrayDeque<Long> arrivals = new ArrayDeque<>();
        final ArrayDeque<Long> identifications = new ArrayDeque<>();
    }

    /** A non-matching name a missed file was renamed to and that was gone again when looked at. */
    private static final class Link {
        final Path origin;
        final long sinceNanos;

        Link(Path origin, long sinceNanos) {
            this.origin = origin;
            this.sinceNanos = sinceNanos;
        }
    }

    private final Map<Path, Ledger> ledgers = new HashMap<>();
    private final LinkedHashMap<Path, Link> chain = new LinkedHashMap<>();
    private final Function<Path, SourceSpec> sourceFor;
    private final Clock clock;
    private FileTable table;
    private int pending;
    private long lastSettleNanos;
    private volatile long lost;

    Arrivals(Function<Path, SourceSpec> sourceFor, Clock clock) {
        this.sourceFor = sourceFor;
        this.clock = clock;
        this.lastSettleNanos = clock.nanoTime();
    }

    void table(FileTable table) {
        this.table = table;
    }

    /**
     * {@code file} appeared in a watched directory (created, or the target of a rename); {@code renamedFrom} is the
     * name deleted right before it in the same directory, or null.
     *
     * @param source the source matching {@code file}, or null
     */
    void appeared(Path file, SourceSpec source, Path renamedFrom) {
        long now = clock.nanoTime();
        boolean fromMatched = renamedFrom != null && sourceFor.apply(renamedFrom) != null;
        if (source != null) {
            if (!fromMatched) {
                arrived(file, now); // renamed from a matching name: that name's arrival covers it
            }
            return;
        }
        Path origin = fromMatched ? renamedFrom : linkOrigin(renamedFrom);
        if (origin == null) {
            return;
        }
        SourceSpec s = sourceFor.apply(origin);
        if (s != null && !recover(file, s, origin)) {
            link(file, origin, now);
        }
    }

    /**
     * {@code file}, a name no rule matches, appeared right after the matching {@code origin} vanished: if it is a file
     * never seen, it is the one that was at {@code origin}, renamed before its event was handled; it is drained from
     * offset 0. Returns false if {@code file} is gone already.
     */
    private boolean recover(Path file, SourceSpec source, Path origin) {
        FileStat st;
        try {
            st = FileStat.of(file);
        } catch (IOException e) {
            return false;
        }
        if (st.regularFile() && !table.knows(st.key())) {
            log.info(
                    "{} appeared right after {} vanished and was never seen: it is {} renamed before it could be"
                            + " opened; draining it from offset 0",
                    file,
                    origin,
                    origin);
            table.track(file, st, source, false, origin, State.ROTATED_DRAINING);
        }
        return true;
    }

    /**
     * The table started following a file (or found one moved) at {@code origin}. The start-up walk's files count too:
     * the walk watches a directory before listing it, so a file created meanwhile is found by the walk and also has a
     * create event, and the two must meet in the ledger.
     */
    void identified(Path origin) {
        long now = clock.nanoTime();
        Ledger l = ledgers.get(origin);
        if (l != null && !l.arrivals.isEmpty()) {
            l.arrivals.pollFirst();
            pending--;
            dropIfEmpty(origin, l);
        } else {
            ledger(origin).identifications.addLast(now);
            added();
        }
    }

    /** A followed file that was never opened is gone; {@code why} says what it waited for. */
    void lost(TrackedFile f, String why) {
        lost++;
        log.warn(
                "{} (source {}) was deleted or moved out of the watched directories before it could be opened ({});"
                        + " none of its lines could be read",
                f.path,
                f.source.name,
                why);
    }

    /** Bytes of a file closed while drained were written after it was closed and are gone with it. */
    void lostTail(TrackedFile f, long from, long to) {
        lost++;
        log.warn(
                "{} (source {}) grew to {} bytes after it was closed at offset {} (open-file cap) and was deleted or"
                        + " moved away before it could be opened again: bytes {}..{} are lost",
                f.path,
                f.source.name,
                to,
                from,
                from,
                to);
    }

    /**
     * After a rescan: arrivals recorded before the previous rescan and never matched are lost files; older unmatched
     * identifications and chain links are dropped.
     */
    void settle() {
        long now = clock.nanoTime();
        settle(lastSettleNanos, now);
    }

    /** Settles what was recorded before {@code cutoff}. */
    private void settle(long cutoff, long now) {
        lastSettleNanos = now;
        Iterator<Map.Entry<Path, Ledger>> it = ledgers.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Path, Ledger> e = it.next();
            Ledger l = e.getValue();
            int missed = 0;
            while (!l.arrivals.isEmpty() && l.arrivals.peekFirst() - cutoff < 0) {
                l.arrivals.pollFirst();
                pending--;
                missed++;
            }
            while (!l.identifications.isEmpty() && l.identifications.peekFirst() - cutoff < 0) {
                l.identifications.pollFirst();
                pending--;
            }
            if (missed > 0) {
                lost += missed;
                log.warn(
                        "{} file(s) created as {} were deleted or moved out of the watched directories before the"
                                + " tailer could open them; their lines are lost",
                        missed,
                        e.getKey());
            }
            if (l.arrivals.isEmpty() && l.identifications.isEmpty()) {
                it.remove();
            }
        }
        chain.values().removeIf(link -> link.sinceNanos - cutoff < 0);
    }

    /** Files lost since start (see {@link io.clssdk.tailer.TailerStatus#lostFiles()}). */
    long lostFiles() {
        return lost;
    }

    private void arrived(Path path, long now) {
        Ledger l = ledgers.get(path);
        if (l != null && !l.identifications.isEmpty()) {
            l.identifications.pollFirst();
            pending--;
            dropIfEmpty(path, l);
        } else {
            ledger(path).arrivals.addLast(now);
            added();
        }
    }

    private void added() {
        if (++pending > MAX_PENDING) {
            log.warn("more than {} files came and went unmatched since the last rescan; settling now", MAX_PENDING);
            long now = clock.nanoTime();
            settle(now + 1, now);
        }
    }

    private Path linkOrigin(Path name) {
        Link link = name == null ? null : chain.remove(name);
        return link == null ? null : link.origin;
    }

    private void link(Path name, Path origin, long now) {
        chain.put(name, new Link(origin, now));
        if (chain.size() > MAX_CHAIN) {
            Iterator<Path> oldest = chain.keySet().iterator();
            oldest.next();
            oldest.remove(); // its arrival stays in the ledger: if never found, it is counted
        }
    }

    private Ledger ledger(Path path) {
        Ledger l = ledgers.get(path);
        if (l == null) {
            l = new Ledger();
            ledgers.put(path, l);
        }
        return l;
    }

    private void dropIfEmpty(Path path, Ledger l) {
        if (l.arrivals.isEmpty() && l.identifications.isEmpty()) {
            ledgers.remove(path);
        }
    }
}
