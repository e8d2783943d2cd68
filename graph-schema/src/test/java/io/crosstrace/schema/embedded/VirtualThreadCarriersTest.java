package io.crosstrace.schema.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The engine's virtual threads get more carriers than there are cores, so busy ones cannot starve the rest. */
class VirtualThreadCarriersTest {

    @Test
    void a_virtual_thread_runs_while_one_per_core_and_more_spin() throws Exception {
        EmbeddedNeo4j.ensureVirtualThreadCarriers();
        int spinners = Runtime.getRuntime().availableProcessors() + 1;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch spinning = new CountDownLatch(spinners);
        List<Thread> busy = new ArrayList<>();
        try {
            for (int i = 0; i < spinners; i++) {
                busy.add(Thread.ofVirtual().start(() -> {
                    spinning.countDown();
                    while (!stop.get()) {
                        Thread.onSpinWait();
                    }
                }));
            }
            assertThat(spinning.await(10, TimeUnit.SECONDS)).as("every spinner got a carrier").isTrue();

            CountDownLatch ran = new CountDownLatch(1);
            Thread.ofVirtual().start(ran::countDown);

            assertThat(ran.await(10, TimeUnit.SECONDS)).as("one more virtual thread still runs").isTrue();
            assertThat(Integer.getInteger(EmbeddedNeo4j.CARRIERS)).isGreaterThanOrEqualTo(16);
        } finally {
            stop.set(true);
            for (Thread thread : busy) {
                thread.join();
            }
        }
    }
}
