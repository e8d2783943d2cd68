package io.crosstrace.hub.ledger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Seals the entries that did not fill a checkpoint every {@code crosstrace.ledger.checkpoint-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration implements SchedulingConfigurer {

    private final LedgerCheckpointer checkpointer;
    private final LedgerProperties properties;

    LedgerConfiguration(LedgerCheckpointer checkpointer, LedgerProperties properties) {
        this.checkpointer = checkpointer;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // A task rather than @Scheduled, so the interval is the bound Duration property with its validation.
        registrar.addFixedDelayTask(new FixedDelayTask(checkpointer::sealPendingQuietly,
                properties.checkpointInterval(), properties.checkpointInterval()));
    }
}
