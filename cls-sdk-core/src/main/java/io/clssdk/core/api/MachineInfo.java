package io.clssdk.core.api;

/**
 * One machine of a machine group and the health of its LogListener, as {@code DescribeMachines} returns it
 * ({@code MachineInfo}). Immutable.
 */
public final class MachineInfo extends ModelValue {
    /** {@code Status} of a machine whose agent is reporting normally. */
    public static final int STATUS_NORMAL = 1;
    /** {@code Status} of a machine whose agent is offline or unhealthy. */
    public static final int STATUS_ABNORMAL = 0;

    private final String ip;
    private final String instanceId;
    private final int status;
    private final String offlineTime;
    private final int autoUpdate;
    private final String version;
    private final int updateStatus;
    private final int errCode;
    private final String errMsg;

    private MachineInfo(Builder b) {
        ip = b.ip;
        instanceId = b.instanceId;
        status = b.status;
        offlineTime = Checks.emptyToNull(b.offlineTime);
        autoUpdate = b.autoUpdate;
        version = b.version;
        updateStatus = b.updateStatus;
        errCode = b.errCode;
        errMsg = b.errMsg;
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Ip}. */
    public String ip() {
        return ip;
    }

    /** {@code InstanceID}: the agent's instance id, or null. */
    public String instanceId() {
        return instanceId;
    }

    /** {@code Status}: {@link #STATUS_NORMAL} or {@link #STATUS_ABNORMAL}. */
    public int status() {
        return status;
    }

    /** True when {@link #status()} is {@link #STATUS_NORMAL}: the agent heartbeats and pulls its configuration. */
    public boolean isHealthy() {
        return status == STATUS_NORMAL;
    }

    /** {@code OfflineTime} ({@code yyyy-MM-dd HH:mm:ss}) when the machine went offline, or null when healthy. */
    public String offlineTime() {
        return offlineTime;
    }

    /** {@code AutoUpdate}: 1 when the agent upgrades itself, 0 otherwise. */
    public int autoUpdate() {
        return autoUpdate;
    }

    /** {@code Version}: the LogListener version, or null. */
    public String version() {
        return version;
    }

    /** {@code UpdateStatus}: 0 ok, 1 upgrading, −1 upgrade failed. */
    public int updateStatus() {
        return updateStatus;
    }

    /** {@code ErrCode}: 0 ok, 1200 upgrade succeeded, otherwise an upgrade error. */
    public int errCode() {
        return errCode;
    }

    /** {@code ErrMsg}, or null. */
    public String errMsg() {
        return errMsg;
    }

    @Override
    public String toString() {
        return "MachineInfo{ip=" + ip + ", status=" + (isHealthy() ? "normal" : "abnormal")
                + (offlineTime == null ? "" : ", offlineTime=" + offlineTime) + ", version=" + version + '}';
    }

    @Override
    Object[] state() {
        return new Object[] {ip, instanceId, status, offlineTime, autoUpdate, version, updateStatus, errCode, errMsg};
    }

    /** Builds a {@link MachineInfo}. */
    public static final class Builder {
        private String ip;
        private String instanceId;
        private int status;
        private String offlineTime;
        private int autoUpdate;
        private String version;
        private int updateStatus;
        private int errCode;
        private String errMsg;

        private Builder() {}

        /** {@code Ip}. */
        public Builder ip(String ip) {
            this.ip = ip;
            return this;
        }

        /** {@code InstanceID}. */
        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        /** {@code Status}. */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** {@code OfflineTime}. */
        public Builder offlineTime(String offlineTime) {
            this.offlineTime = offlineTime;
            return this;
        }

        /** {@code AutoUpdate}. */
        public Builder autoUpdate(int autoUpdate) {
            this.autoUpdate = autoUpdate;
            return this;
        }

        /** {@code Version}. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** {@code UpdateStatus}. */
        public Builder updateStatus(int updateStatus) {
            this.updateStatus = updateStatus;
            return this;
        }

        /** {@code ErrCode}. */
        public Builder errCode(int errCode) {
            this.errCode = errCode;
            return this;
        }

        /** {@code ErrMsg}. */
        public Builder errMsg(String errMsg) {
            this.errMsg = errMsg;
            return this;
        }

        /** Builds the value. */
        public MachineInfo build() {
            return new MachineInfo(this);
        }
    }
}
