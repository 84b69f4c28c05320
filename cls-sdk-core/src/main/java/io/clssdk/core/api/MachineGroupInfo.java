package io.clssdk.core.api;

/**
 * A machine group as {@code DescribeMachineGroups} returns it ({@code MachineGroupInfo}): its id and creation time,
 * and the settings it was created with (the members of a {@link MachineGroupSpec}), as CLS sent them — nothing but
 * {@code GroupId} is required. Immutable.
 */
public final class MachineGroupInfo extends MachineGroupSettings {
    private final String groupId;
    private final String createTime;

    private MachineGroupInfo(Builder b) {
        super(b, false);
        groupId = b.groupId;
        createTime = b.createTime;
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code GroupId}. */
    public String groupId() {
        return groupId;
    }

    /** {@code CreateTime} ({@code yyyy-MM-dd HH:mm:ss}), or null. */
    public String createTime() {
        return createTime;
    }

    @Override
    public String toString() {
        return "MachineGroupInfo{groupId=" + groupId + ", groupName=" + groupName() + ", type=" + type() + ", values="
                + values() + '}';
    }

    @Override
    Object[] state() {
        return withSettings(groupId, createTime);
    }

    /** Builds a {@link MachineGroupInfo}; {@code GroupId} is required. */
    public static final class Builder extends SettingsBuilder<Builder> {
        private String groupId;
        private String createTime;

        private Builder() {}

        /** {@code GroupId} (required). */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** {@code CreateTime}. */
        public Builder createTime(String createTime) {
            this.createTime = createTime;
            return this;
        }

        /**
         * Builds the value.
         *
         * @throws IllegalArgumentException if {@code GroupId} is empty
         */
        public MachineGroupInfo build() {
            Checks.requireText(groupId, "GroupId");
            return new MachineGroupInfo(this);
        }
    }
}
