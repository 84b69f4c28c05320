package io.clssdk.tailer.collector;

import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.api.ConfigInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A machine group's configurations ({@code DescribeMachineGroupConfigs}) as a {@link ConfigFeed}: every poll returns
 * the whole bound set, keyed by {@code ConfigId}. A configuration CLS returns but this SDK cannot represent ({@link
 * ConfigInfo#configError()}) is reported once per content and skipped; the others run.
 */
final class MachineGroupFeed implements ConfigFeed {
    private final ClsApiClient api;
    private final String groupId;
    private final Console console;
    private final Map<String, String> reportedErrors = new HashMap<>();

    MachineGroupFeed(ClsApiClient api, String groupId, Console console) {
        this.api = api;
        this.groupId = groupId;
        this.console = console;
    }

    @Override
    public Optional<List<NamedConfig>> poll() {
        List<ConfigInfo> infos = api.describeMachineGroupConfigs(groupId);
        List<NamedConfig> out = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        for (ConfigInfo info : infos) {
            if (info.configError() != null) {
                errors.put(info.configId(), info.configError());
                if (!info.configError().equals(reportedErrors.get(info.configId()))) {
                    console.error("config " + info.configId() + " of machine group " + groupId + " cannot be run: "
                            + info.configError() + " (skipped)");
                }
                continue;
            }
            out.add(new NamedConfig(info.configId(), info.config()));
        }
        reportedErrors.clear();
        reportedErrors.putAll(errors);
        return Optional.of(out);
    }

    @Override
    public boolean allOrNothing() {
        return false;
    }

    @Override
    public String describe() {
        return "machine group " + groupId;
    }
}
