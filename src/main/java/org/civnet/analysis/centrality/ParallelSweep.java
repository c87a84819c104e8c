package org.civnet.analysis.centrality;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.function.Supplier;

/**
 * Runs one independent piece of work per item (typically per source vertex) on a private
 * {@link ForkJoinPool}, with one reusable workspace per worker thread.
 *
 * <p>The item range is split into a binary tree whose shape depends only on the item count, never
 * on the thread count or on scheduling, and partial sums are added in tree order. Floating-point
 * results are therefore bit-identical for any number of threads.
 */
final class ParallelSweep {

    /** Work for one item: may write into {@code partial}, a leaf-private array of sums. */
    @FunctionalInterface
    interface ItemWork<W> {
        void run(int item, W workspace, double[] partial);
    }

    /** Upper bound on leaves, so combining partial arrays stays cheap next to the work itself. */
    private static final int MAX_LEAVES = 256;
    private static final int MIN_LEAF_SIZE = 4;

    private ParallelSweep() {
    }

    /** Thread count to use: {@code requested}, or the available processors when it is 0. */
    static int resolveThreads(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = available processors): " + requested);
        }
        return requested == 0 ? Runtime.getRuntime().availableProcessors() : requested;
    }

    /**
     * Runs {@code work} for items {@code 0..itemCount-1} and returns the element-wise sum of the
     * leaf partial arrays (each of length {@code width}).
     */
    static <W> double[] sum(int itemCount, int width, int threads, Supplier<W> workspaces, ItemWork<W> work) {
        int leafSize = Math.max(MIN_LEAF_SIZE, (itemCount + MAX_LEAVES - 1) / MAX_LEAVES);
        if (threads <= 1 || itemCount <= leafSize) {
            W workspace = workspaces.get();
            return new SumTask<>(0, itemCount, leafSize, width, null, () -> workspace, work).compute();
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            ThreadLocal<W> perThread = ThreadLocal.withInitial(workspaces);
            return pool.invoke(new SumTask<>(0, itemCount, leafSize, width, pool, perThread::get, work));
        } finally {
            pool.shutdown();
        }
    }

    /** Runs {@code work} for items {@code 0..itemCount-1}; for work that writes disjoint outputs. */
    static <W> void forEach(int itemCount, int threads, Supplier<W> workspaces, ItemWork<W> work) {
        int leafSize = Math.max(MIN_LEAF_SIZE, (itemCount + MAX_LEAVES - 1) / MAX_LEAVES);
        if (threads <= 1 || itemCount <= leafSize) {
            W workspace = workspaces.get();
            for (int i = 0; i < itemCount; i++) {
                work.run(i, workspace, null);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            ThreadLocal<W> perThread = ThreadLocal.withInitial(workspaces);
            pool.invoke(new EachTask<>(0, itemCount, leafSize, perThread::get, work));
        } finally {
            pool.shutdown();
        }
    }

    private static final class SumTask<W> extends RecursiveTask<double[]> {
        private final int from;
        private final int to;
        private final int leafSize;
        private final int width;
        private final ForkJoinPool pool;
        private final Supplier<W> workspace;
        private final ItemWork<W> work;

        SumTask(int from, int to, int leafSize, int width, ForkJoinPool pool, Supplier<W> workspace,
                ItemWork<W> work) {
            this.from = from;
            this.to = to;
            this.leafSize = leafSize;
            this.width = width;
            this.pool = pool;
            this.workspace = workspace;
            this.work = work;
        }

        @Override
        protected double[] compute() {
            if (to - from <= leafSize) {
                double[] partial = new double[width];
                W ws = workspace.get();
                for (int i = from; i < to; i++) {
                    work.run(i, ws, partial);
                    WriteCourtesy.yieldToWrites();
                }
                return partial;
            }
            int mid = (from + to) >>> 1;
            SumTask<W> left = new SumTask<>(from, mid, leafSize, width, pool, workspace, work);
            SumTask<W> right = new SumTask<>(mid, to, leafSize, width, pool, workspace, work);
            double[] a;
            double[] b;
            if (pool == null) {
                a = left.compute();
                b = right.compute();
            } else {
                right.fork();
                a = left.compute();
                b = right.join();
            }
            for (int i = 0; i < width; i++) {
                a[i] += b[i];
            }
            return a;
        }
    }

    private static final class EachTask<W> extends RecursiveAction {
        private final int from;
        private final int to;
        private final int leafSize;
        private final Supplier<W> workspace;
        private final ItemWork<W> work;

        EachTask(int from, int to, int leafSize, Supplier<W> workspace, ItemWork<W> work) {
            this.from = from;
            this.to = to;
            this.leafSize = leafSize;
            this.workspace = workspace;
            this.work = work;
        }

        @Override
        protected void compute() {
            if (to - from <= leafSize) {
                W ws = workspace.get();
                for (int i = from; i < to; i++) {
                    work.run(i, ws, null);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new EachTask<>(from, mid, leafSize, workspace, work),
                    new EachTask<>(mid, to, leafSize, workspace, work));
        }
    }
}
