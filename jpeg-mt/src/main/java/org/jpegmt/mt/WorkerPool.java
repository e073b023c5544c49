package org.jpegmt.mt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor used when the caller gives a thread count rather than an executor: daemon
 * threads, created on demand and retired after a minute idle, shared by every jpegmt instance
 * in the JVM (so instances need no closing). The calling thread always works too, so a call
 * with {@code threads = k} adds at most {@code k - 1} pool threads of work.
 */
final class WorkerPool {
    private WorkerPool() {
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    static final ExecutorService SHARED = newPool();

    private static ExecutorService newPool() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "jpegmt-worker-" + COUNTER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
