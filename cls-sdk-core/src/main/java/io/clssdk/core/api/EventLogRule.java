package io.clssdk.core.api;

import java.util.List;
import java.util.Objects;

/**
 * One Windows event log source ({@code ExtractRule.EventLogRules[]}, for {@link LogType#WINDOWS_EVENT_LOG}).
 * Immutable.
 */
public final class EventLogRule {
    private final String eventChannel;
    private final int timeType;
    private final Long timestamp;
    private final List<String> eventIds;

    private EventLogRule(String eventChannel, int timeType, Long timestamp, List<String> eventIds) {
        this.eventChannel = Checks.requireText(eventChannel, "EventLogRules.EventChannel");
        this.timeType = timeType;
        this.timestamp = timestamp;
        this.eventIds = Checks.list(eventIds, "EventLogRules.EventIDs");
    }

    /**
     * An event log source.
     *
     * @param eventChannel {@code EventChannel}: Application, Security, Setup, System or ALL
     * @param timeType {@code TimeType}: 1 = from {@code timestamp}, 2 = from now
     * @param timestamp {@code Timestamp}: where to start when {@code timeType} is 1, or null
     * @param eventIds {@code EventIDs}: event id filters, or null for none
     * @throws IllegalArgumentException if the channel is empty
     */
    public static EventLogRule of(String eventChannel, int timeType, Long timestamp, List<String> eventIds) {
        return new EventLogRule(eventChannel, timeType, timestamp, eventIds);
    }

    /** {@code EventChannel}. */
    public String eventChannel() {
        return eventChannel;
    }

    /** {@code TimeType}: 1 = user-defined start time, 2 = now. */
    public int timeType() {
        return timeType;
    }

    /** {@code Timestamp}, or null. */
    public Long timestamp() {
        return timestamp;
    }

    /** {@code EventIDs}; empty when none. */
    public List<String> eventIds() {
        return eventIds;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EventLogRule)) {
            return false;
        }
        EventLogRule r = (EventLogRule) o;
        return timeType == r.timeType
                && eventChannel.equals(r.eventChannel)
                && Objects.equals(timestamp, r.timestamp)
                && eventIds.equals(r.eventIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventChannel, timeType, timestamp, eventIds);
    }

    @Override
    public String toString() {
        return "EventLogRule{channel=" + eventChannel + ", timeType=" + timeType + ", timestamp=" + timestamp
                + ", eventIds=" + eventIds + '}';
    }
}
