package org.jpegmt.mt;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a batch of independent tasks on an executor <em>and</em> the calling thread, without
 * ever blocking a thread on a task that has not started.
 *
 * <p>Tasks are claimed from a shared counter by whoever is free: up to {@code helpers} runners
 * submitted to the executor, and the caller itself. When the caller finds nothing left to claim,
 * every task is either done or running on a thread that claimed it, so waiting for them cannot
 * deadlock, even when the caller is itself a thread of the same (possibly saturated) executor.
 * A runner the executor starts late simply finds nothing to claim. If the executor rejects a
 * runner, the caller does that share of the work.
 */
final class TaskRunner {
    private TaskRunner() {
    }

    /** A unit of work that may fail with a checked exception of type {@code E}. */
    @FunctionalInterface
    interface Task<E extends Exception> {
        void run(int index) throws E;
    }

    /**
     * Runs {@code task.run(0) .. task.run(count - 1)}, each exactly once, in any order and on any
     * thread, and returns when all have finished. After the first failure, tasks not yet started
     * are skipped and the failure is rethrown.
     *
     * @param executor where helper runners go
     * @param helpers how many helper runners to submit (parallelism minus the caller)
     * @param count number of tasks
     * @param task the work
     * @throws E the first task failure (or the unchecked exception or error it threw)
     */
    static <E extends Exception> void runAll(Executor executor, int helpers, int count, Task<E> task) throws E {
        if (count == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(count);
        Runnable runner = () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                try {
                    if (failure.get() == null) {
                        task.run(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    finished.countDown();
                }
            }
        };
        int submit = Math.min(helpers, count - 1);
        for (int h = 0; h < submit; h++) {
            try {
                executor.execute(runner);
            } catch (RejectedExecutionException e) {
                break; // the caller will do the rest
            }
        }
        runner.run();
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the claimed tasks are running; finish waiting for them
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            @SuppressWarnings("unchecked") // a task can only throw E, unchecked exceptions and errors
            E checked = (E) t;
            throw checked;
        }
    }
}
