package io.clssdk.tailer.internal.parse;

import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.LogType;
import java.time.ZoneOffset;

/** Builds pipelines for tests, in UTC+8 unless told otherwise. */
final class Configs {
    static final PipelineOptions UTC8 =
            PipelineOptions.builder().zone(ZoneOffset.ofHours(8)).build();

    private Configs() {}

    static LinePipeline pipeline(LogType type, ExtractRule.Builder rule) {
        return LinePipelines.create(type, rule == null ? null : rule.build(), null, UTC8)
                .newPipeline();
    }

    static LinePipeline pipeline(LogType type, ExtractRule.Builder rule, AdvancedConfig advanced) {
        return LinePipelines.create(type, rule.build(), advanced, UTC8).newPipeline();
    }

    static ExtractRule.Builder rule() {
        return ExtractRule.builder();
    }
}
