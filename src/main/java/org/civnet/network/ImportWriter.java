package org.civnet.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.civnet.domain.ServiceUnavailableException;
import org.civnet.domain.TieType;
import org.civnet.network.ImportPlan.AcceptedNodes;
import org.civnet.network.ImportPlan.AcceptedTies;
import org.civnet.network.NetworkStore.UpsertCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;

/**
 * Applies an {@link ImportPlan} to the store: batched transactions of {@code batchSize} rows, every
 * node before any tie, so an import stopped between two batches leaves whole batches and no
 * dangling ties, and the same input sent again completes it (upsert by id).
 *
 * <p>New nodes, the bulk of a fresh import's nodes, are written by {@code writers} transactions at
 * once, batch after batch in input order: distinct new ids can only meet in the unique constraints,
 * whose violation fails its batch with a 409. Ties, most of a network, are written by
 * {@code writers} transactions at once too, ordered by a {@link TieSchedule}: the batches running at
 * the same time never share an end node, so they never wait on each other's node locks and cannot
 * deadlock (the one lock they all take, the graph version, is taken last in each transaction). A
 * tie between two nodes this import created finds its ends by the element ids their batches
 * returned instead of by the id index. Upserts of stored nodes and introductions are written one
 * batch after another. A failed batch stops the others before their next batch; its error is the
 * import's.
 */
final class ImportWriter {

    private static final Logger log = LoggerFactory.getLogger(ImportWriter.class);
    private static final UpsertCounts NOTHING = new UpsertCounts(0, 0);

    private final NetworkStore store;
    private final int batchSize;
    private final int writers;
    /** True once shutdown has begun: the writer stops before its next batch. */
    private final BooleanSupplier stopping;

    ImportWriter(NetworkStore store, int batchSize, int writers, BooleanSupplier stopping) {
        this.store = store;
        this.batchSize = batchSize;
        this.writers = writers;
        this.stopping = stopping;
    }

    /** What each section created and really changed. */
    Map<String, UpsertCounts> write(ImportPlan plan) {
        // The element id of every node this import creates, under its id, filled by the node writers
        // as their batches commit and read by the tie writers.
        Map<String, String> created = new ConcurrentHashMap<>();
        Map<String, UpsertCounts> counts = new LinkedHashMap<>();
        for (AcceptedNodes<?> nodes : plan.nodes()) {
            counts.put(nodes.kind().section(), writeNodes(nodes, created));
        }
        UpsertCounts ties = NOTHING;
        for (AcceptedTies accepted : plan.ties().values()) {
            TieType type = accepted.type();
            List<Tie> betweenNew = new ArrayList<>();
            List<Tie> oneEndNew = new ArrayList<>();
            for (Tie tie : accepted.touchingNew()) {
                (created.containsKey(tie.from()) && created.containsKey(tie.to()) ? betweenNew : oneEndNew).add(tie);
            }
            ties = ties.plus(writeTies(ImportRow.TIES + " (" + type + ", new ends)", betweenNew,
                            batch -> store.insertTiesBetweenNew(type, batch, created)))
                    .plus(writeTies(ImportRow.TIES + " (" + type + ", one new end)", oneEndNew,
                            batch -> store.insertNewTies(type, batch)))
                    .plus(writeTies(ImportRow.TIES + " (" + type + ")", accepted.others(),
                            batch -> store.upsertTies(type, batch)));
        }
        counts.put(ImportRow.TIES, ties);
        counts.put(ImportRow.INTRODUCTIONS, writeRounds(ImportRow.INTRODUCTIONS, plan.introductions(),
                oneGroup(plan.introductions()), store::upsertIntroductions));
        return counts;
    }

    /**
     * Rows whose id was unused when looked up are created without the upsert's per-row lookup, their
     * batches on the writers; {@code created} gets their element ids.
     */
    private <T> UpsertCounts writeNodes(AcceptedNodes<T> nodes, Map<String, String> created) {
        NodeKind<T> kind = nodes.kind();
        List<T> fresh = nodes.created();
        // Each batch a group of one round: the writers take them in input order as they come free.
        List<List<List<T>>> batches = writers == 1 || fresh.size() <= batchSize ? oneGroup(fresh)
                : List.of(partition(fresh, batchSize));
        return writeRounds(kind.section() + " (new)", fresh, batches, batch -> store.insertNewNodes(kind, batch, created))
                .plus(writeRounds(kind.section(), nodes.upserted(), oneGroup(nodes.upserted()),
                        batch -> store.upsertNodes(kind, batch)));
    }

    /** One list of ties, round by round of its schedule, the groups of a round on {@code writers} threads. */
    private UpsertCounts writeTies(String what, List<Tie> ties, Function<List<Tie>, UpsertCounts> writer) {
        TieSchedule<Tie> schedule = writers == 1 || ties.size() <= (long) batchSize * writers
                ? TieSchedule.single(ties)
                : TieSchedule.of(ties, tie -> new String[] {tie.from(), tie.to()}, 2 * writers);
        return writeRounds(what, ties, schedule.rounds(), writer);
    }

    /**
     * Writes {@code rows}, arranged in {@code rounds}: the rounds one after another, the groups of a
     * round at the same time on up to {@code writers} threads, each group in batches. Shutdown stops
     * every writer before its next batch; the error then counts what they wrote in all.
     */
    private <T> UpsertCounts writeRounds(String what, List<T> rows, List<List<List<T>>> rounds,
                                         Function<List<T>, UpsertCounts> writer) {
        long started = System.nanoTime();
        Progress progress = new Progress(rows.size());
        UpsertCounts total = NOTHING;
        try {
            for (List<List<T>> round : rounds) {
                total = total.plus(round.size() == 1
                        ? writeInBatches(what, round.get(0), writer, progress)
                        : inParallel(what, round, writer, progress));
            }
        } catch (ShuttingDown e) {
            // Only thrown once every writer of the round has stopped, so the count is final.
            throw new ServiceUnavailableException("civnet is shutting down: the import stopped after "
                    + progress.written.get() + " of " + progress.rows + " " + what + "; every batch written is "
                    + "complete; send the same input again once civnet is back to finish it");
        }
        if (!rows.isEmpty()) {
            log.info("import: {} {} rows in {} ms", what, rows.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }

    /**
     * The groups of one round on their own threads (the caller's security context with them, so
     * every row names the importing user), taken in order as threads come free. The first failure
     * stops the other groups before their next batch and is rethrown once they have stopped.
     */
    private <T> UpsertCounts inParallel(String what, List<List<T>> groups, Function<List<T>, UpsertCounts> writer,
                                        Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(writers, groups.size()), runnable -> {
            Thread thread = new Thread(runnable, "civnet-import-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<UpsertCounts>> futures = new ArrayList<>(groups.size());
            for (List<T> group : groups) {
                futures.add(pool.submit(new DelegatingSecurityContextCallable<>(() -> {
                    try {
                        return writeInBatches(what, group, writer, progress);
                    } catch (RuntimeException | Error e) {
                        progress.failed = true;
                        throw e;
                    }
                })));
            }
            UpsertCounts total = NOTHING;
            RuntimeException failure = null;
            for (Future<UpsertCounts> future : futures) {
                try {
                    total = total.plus(future.get());
                } catch (ExecutionException e) {
                    failure = reported(failure, asRuntime(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    progress.failed = true;
                    failure = reported(failure, new ServiceUnavailableException("the import was interrupted"));
                }
            }
            if (failure != null) {
                throw failure;
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private <T> UpsertCounts writeInBatches(String what, List<T> rows, Function<List<T>, UpsertCounts> writer,
                                            Progress progress) {
        UpsertCounts total = NOTHING;
        for (int from = 0; from < rows.size(); from += batchSize) {
            if (stopping.getAsBoolean()) {
                throw new ShuttingDown();
            }
            if (progress.failed) {
                throw new StoppedByAnother();
            }
            int to = Math.min(rows.size(), from + batchSize);
            total = total.plus(writer.apply(rows.subList(from, to)));
            int written = progress.written.addAndGet(to - from);
            if (progress.rows > batchSize) {
                log.info("import: {} {}/{}", what, written, progress.rows);
            }
        }
        return total;
    }

    private static <T> List<List<List<T>>> oneGroup(List<T> rows) {
        return List.of(List.of(rows));
    }

    private static <T> List<List<T>> partition(List<T> rows, int size) {
        List<List<T>> parts = new ArrayList<>((rows.size() + size - 1) / size);
        for (int from = 0; from < rows.size(); from += size) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return parts;
    }

    /**
     * The error the import reports of two from its writers: a real failure before a stop for
     * shutdown, and that before a stop because another writer failed; else the first.
     */
    private static RuntimeException reported(RuntimeException first, RuntimeException next) {
        return first == null || weight(next) > weight(first) ? next : first;
    }

    private static int weight(RuntimeException e) {
        return e instanceof StoppedByAnother ? 0 : e instanceof ShuttingDown ? 1 : 2;
    }

    private static RuntimeException asRuntime(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime
                : cause instanceof Error error ? new IllegalStateException(error) : new IllegalStateException(cause);
    }

    /** A writer that stopped because another one failed: the other's error is the one reported. */
    private static final class StoppedByAnother extends RuntimeException {
        StoppedByAnother() {
            super("another batch of this import failed", null, false, false);
        }
    }

    /** A writer that stopped because shutdown began; reported once all have stopped, with what they wrote. */
    private static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super("civnet is shutting down", null, false, false);
        }
    }

    /** Rows of one list written so far, across its writers, and whether one of them failed. */
    private static final class Progress {
        final int rows;
        final AtomicInteger written = new AtomicInteger();
        volatile boolean failed;

        Progress(int rows) {
            this.rows = rows;
        }
    }
}
