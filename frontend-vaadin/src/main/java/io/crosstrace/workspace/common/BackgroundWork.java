package io.crosstrace.workspace.common;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.progressbar.ProgressBar;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;

/**
 * Long work (minting many codes, rendering a label sheet, an export) off the request thread, so the page never
 * freezes. It runs as the signed-in partner, so the services apply that partner's rules, and reports progress and
 * its end through {@link UI#access}; the page polls while it runs (no push channel needed behind proxies).
 */
public final class BackgroundWork {

    /** Where the work reports how far it is, from 0 to 1. */
    @FunctionalInterface
    public interface Progress {
        void report(double fraction);
    }

    /** The work itself. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    private static final int POLL_MILLIS = 300;

    private BackgroundWork() {
    }

    /**
     * Starts the job; the progress bar shows while it runs, then {@code done} or {@code failed} runs in the UI.
     */
    public static <T> void start(UI ui, ProgressBar bar, Job<T> job, Consumer<T> done, Consumer<Exception> failed) {
        Actor actor = CurrentActor.get();
        bar.setIndeterminate(true);
        bar.setValue(0);
        bar.setVisible(true);
        ui.setPollInterval(POLL_MILLIS);
        Thread.ofVirtual().name("workspace-job").start(() -> {
            Progress progress = fraction -> ui.access(() -> {
                bar.setIndeterminate(false);
                bar.setValue(Math.max(0, Math.min(1, fraction)));
            });
            try {
                T result = CurrentActor.callAs(actor, () -> {
                    try {
                        return job.run(progress);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new JobFailed(e);
                    }
                });
                ui.access(() -> {
                    finish(ui, bar);
                    done.accept(result);
                });
            } catch (JobFailed e) {
                ui.access(() -> {
                    finish(ui, bar);
                    failed.accept((Exception) e.getCause());
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    finish(ui, bar);
                    failed.accept(e);
                });
            }
        });
    }

    private static void finish(UI ui, ProgressBar bar) {
        bar.setVisible(false);
        ui.setPollInterval(-1);
    }

    private static final class JobFailed extends RuntimeException {
        JobFailed(Exception cause) {
            super(cause);
        }
    }
}
