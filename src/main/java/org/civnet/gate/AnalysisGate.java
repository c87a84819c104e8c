package org.civnet.gate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.civnet.analysis.cost.CostModel;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.OverCapacityException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Admission control for heavy analyses (betweenness, closeness, harmonic, brokers, coalitions,
 * isolation, resilience). They run on a bounded pool of {@code civnet.analysis.pool-size} workers
 * with {@code civnet.analysis.queue} places waiting; a request finding both full is refused at once
 * with 503 and {@code Retry-After} (the expected seconds of the admitted work per worker), never
 * queued without bound. Before admission the analysis' estimate must fit the heap ({@link HeapBudget}).
 * Identical requests (same key: analysis, graph version, scope, parameters) arriving while one is
 * admitted share its computation and take no place of their own.
 *
 * <p>Writes and cheap reads (CRUD, search, referrals, degree, ego views, the map) never come here, so
 * they never wait behind an analysis; each analysis uses {@code civnet.analysis.threads} threads, by
 * default few enough that the pool leaves a core to them. Workers run at minimum thread priority (a
 * hint the JVM passes to the OS only where it may; on Linux the thread count is what counts).
 */
@Service
public class AnalysisGate implements DisposableBean {

    /**
     * One heavy computation: what it is (for messages), its parameters (scope and options) and the graph
     * version it runs on (together they make it identical to another), and what it costs.
     */
    public record Work(String analysis, Object params, long graphVersion, CostModel.Cost cost) {
        Object key() {
            return java.util.Arrays.asList(params, graphVersion);
        }
    }

    private static final long MAX_RETRY_AFTER_SECONDS = 300;

    private final HeapBudget heap;
    private final ThreadPoolExecutor pool;
    private final int threads;
    private final Map<Object, CompletableFuture<Object>> admitted = new HashMap<>();
    /** How many admitted computations have each parameter set (any graph version). */
    private final Map<Object, Integer> admittedParams = new HashMap<>();
    private final AtomicLong pendingMillis = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong shared = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();

    public AnalysisGate(HeapBudget heap, CivnetProperties properties) {
        this.heap = heap;
        CivnetProperties.Analysis settings = properties.analysis();
        int size = settings.resolvedPoolSize();
        this.threads = settings.resolvedThreads();
        BlockingQueue<Runnable> queue = settings.queue() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(settings.queue());
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, queue, runnable -> {
            Thread worker = new Worker(runnable, "civnet-analysis-" + number.incrementAndGet());
            worker.setDaemon(true);
            worker.setPriority(Thread.MIN_PRIORITY);
            return worker;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Refuses at once, before the caller reads anything (a snapshot read costs the store and a core),
     * when every worker and queue place is taken and no admitted computation has these parameters (one
     * that has may be the identical request to join).
     */
    public void refuseIfFull(String analysis, Object params) {
        if (Thread.currentThread() instanceof Worker || pool.getQueue().remainingCapacity() > 0
                || pool.getActiveCount() < pool.getMaximumPoolSize()) {
            return;
        }
        synchronized (admitted) {
            if (admittedParams.containsKey(params)) {
                return;
            }
        }
        rejected.incrementAndGet();
        throw busy(analysis, null);
    }

    /** Threads one analysis may use. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code compute} on the pool and waits for it, or joins the identical computation already
     * admitted. Called from a pool worker (an analysis needing another's result), runs inline.
     *
     * @throws OverCapacityException when the estimate does not fit the heap or the pool is full
     */
    @SuppressWarnings("unchecked")
    public <T> T run(Work work, Supplier<T> compute) {
        if (Thread.currentThread() instanceof Worker) {
            return compute.get();
        }
        CompletableFuture<Object> future;
        boolean mine;
        synchronized (admitted) {
            future = admitted.get(work.key());
            mine = future == null;
            if (mine) {
                future = new CompletableFuture<>();
                admitted.put(work.key(), future);
                admittedParams.merge(work.params(), 1, Integer::sum);
            }
        }
        if (mine) {
            start(work, compute, future);
        } else {
            shared.incrementAndGet();
        }
        try {
            return (T) future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private <T> void start(Work work, Supplier<T> compute, CompletableFuture<Object> future) {
        HeapBudget.Reservation reservation;
        try {
            reservation = heap.reserve(work.analysis(), work.cost(), retryAfterSeconds());
        } catch (RuntimeException e) {
            fail(work, future, e);
            throw e;
        }
        long millis = Math.max(1, Math.round(work.cost().seconds() * 1000));
        pendingMillis.addAndGet(millis);
        Runnable task = () -> {
            try {
                future.complete(compute.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                reservation.close();
                pendingMillis.addAndGet(-millis);
                completed.incrementAndGet();
                forget(work, future);
            }
        };
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            reservation.close();
            pendingMillis.addAndGet(-millis);
            rejected.incrementAndGet();
            OverCapacityException busy = busy(work.analysis(), work.cost());
            fail(work, future, busy);
            throw busy;
        }
    }

    private void fail(Work work, CompletableFuture<Object> future, RuntimeException e) {
        forget(work, future);
        future.completeExceptionally(e);
    }

    private void forget(Work work, CompletableFuture<Object> future) {
        synchronized (admitted) {
            if (admitted.remove(work.key(), future)) {
                admittedParams.computeIfPresent(work.params(), (p, count) -> count > 1 ? count - 1 : null);
            }
        }
    }

    private OverCapacityException busy(String analysis, CostModel.Cost cost) {
        long retry = retryAfterSeconds();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("analysis", analysis);
        if (cost != null) {
            figures.put("estimateBytes", cost.bytes());
            figures.put("estimateSeconds", Math.round(cost.seconds() * 10) / 10.0);
        }
        figures.put("poolSize", pool.getMaximumPoolSize());
        figures.put("queueCapacity", pool.getQueue().size() + pool.getQueue().remainingCapacity());
        return new OverCapacityException("every analysis worker is busy (" + pool.getActiveCount() + " running, "
                + pool.getQueue().size() + " waiting); ask again in " + retry + " s", figures, retry);
    }

    /** The admitted work's expected seconds per worker, at least 1, at most 300. */
    long retryAfterSeconds() {
        double seconds = pendingMillis.get() / 1000.0 / Math.max(1, pool.getMaximumPoolSize());
        return Math.max(1, Math.min(MAX_RETRY_AFTER_SECONDS, (long) Math.ceil(seconds)));
    }

    public int poolSize() {
        return pool.getMaximumPoolSize();
    }

    public int running() {
        return pool.getActiveCount();
    }

    public int waiting() {
        return pool.getQueue().size();
    }

    public long rejected() {
        return rejected.get();
    }

    public long shared() {
        return shared.get();
    }

    public long completed() {
        return completed.get();
    }

    public HeapBudget heap() {
        return heap;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** A pool thread: work it asks for is run inline, never queued behind itself. */
    private static final class Worker extends Thread {
        Worker(Runnable runnable, String name) {
            super(runnable, name);
        }
    }
}
