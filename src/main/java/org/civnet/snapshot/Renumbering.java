package org.civnet.snapshot;

import java.util.Arrays;

/**
 * Ids {@code 0..size-1} of which some are removed, the rest renumbered by rank as a whole rebuild
 * numbers what is left: {@code newId(e) = e - (removed ids below e)}. For {@link ScopedPatch}, where
 * a write removes tens of a million edges (or ties) and every kept one needs its new number.
 *
 * <p>Why not an array of new ids: filling one costs O(size) and reading it for each of the 2m
 * incidences of a CSR graph is a random gather over megabytes, a cache miss each. Here each look-up
 * reads a small table (at most {@value #MAX_BLOCKS} counts, within the L1 cache) of how many removed
 * ids lie below each block of consecutive ids, and scans the few removed ids inside the block, if
 * any. Cost: O(size / block + removed) to build, O(1 + removed ids in the block) per look-up.
 * Immutable.
 */
final class Renumbering {

    /** At most this many blocks, so the table stays a few kilobytes. */
    static final int MAX_BLOCKS = 4096;

    private final int size;
    private final int[] removed;
    private final int shift;
    /** {@code removedBelow[b]}: how many removed ids are below block {@code b}'s first id ({@code b << shift}). */
    private final int[] removedBelow;
    /**
     * {@code removedBelow[b]} for a block without removed ids, where that is every id's shift;
     * -1 for a block with some, whose ids need a look at them ({@link #newIdInMixedBlock}).
     */
    private final int[] shiftOfBlock;

    /**
     * @param size    how many ids there were
     * @param removed the removed ids, each below {@code size}; any order, repeats allowed (taken, sorted in place)
     */
    static Renumbering removing(int size, int[] removed) {
        Arrays.sort(removed);
        int distinct = 0;
        for (int i = 0; i < removed.length; i++) {
            if (i == 0 || removed[i] != removed[i - 1]) {
                removed[distinct++] = removed[i];
            }
        }
        return new Renumbering(size, Arrays.copyOf(removed, distinct));
    }

    private Renumbering(int size, int[] removed) {
        if (removed.length > 0 && (removed[0] < 0 || removed[removed.length - 1] >= size)) {
            throw new IllegalArgumentException("removed ids must lie in 0.." + (size - 1));
        }
        this.size = size;
        this.removed = removed;
        int s = 0;
        while ((size >>> s) >= MAX_BLOCKS) {
            s++;
        }
        this.shift = s;
        int blocks = (size >>> s) + 1;
        this.removedBelow = new int[blocks + 1];
        int r = 0;
        for (int b = 0; b <= blocks; b++) {
            long blockStart = (long) b << s;
            while (r < removed.length && removed[r] < blockStart) {
                r++;
            }
            removedBelow[b] = r;
        }
        this.shiftOfBlock = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            shiftOfBlock[b] = removedBelow[b] == removedBelow[b + 1] ? removedBelow[b] : -1;
        }
    }

    /** How many ids there were. */
    int size() {
        return size;
    }

    /** How many ids are left. */
    int keptCount() {
        return size - removed.length;
    }

    int removedCount() {
        return removed.length;
    }

    /** The removed ids, ascending (a copy). */
    int[] removed() {
        return removed.clone();
    }

    /** The new number of a kept id (of a removed one: the number of the next kept id). */
    int newId(int id) {
        // One load from a table of a few kilobytes for almost every id: the loops over millions of
        // ids stay short enough for the compiler to unroll.
        int below = shiftOfBlock[id >>> shift];
        return below >= 0 ? id - below : newIdInMixedBlock(id);
    }

    private int newIdInMixedBlock(int id) {
        int block = id >>> shift;
        int r = removedBelow[block];
        int end = removedBelow[block + 1];
        while (r < end && removed[r] < id) {
            r++;
        }
        return id - r;
    }

    /** Replaces each of {@code ids[from..to)}, all kept ids, by its new number. */
    void renumber(int[] ids, int from, int to) {
        if (removed.length == 0) {
            return;
        }
        for (int i = from; i < to; i++) {
            ids[i] = newId(ids[i]);
        }
    }

    /** {@code source[from, from+length)}, all kept ids, renumbered into {@code target} from {@code at}. */
    void renumber(int[] source, int from, int[] target, int at, int length) {
        if (removed.length == 0) {
            System.arraycopy(source, from, target, at, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            target[at + i] = newId(source[from + i]);
        }
    }

    /**
     * Copies the entries of {@code source} (an array indexed by the old ids, at least {@code size}
     * long) at the kept ids into {@code target} at their new numbers: the runs between removed
     * ids, one {@link System#arraycopy} each.
     */
    void copyKept(Object source, Object target) {
        int at = 0;
        int from = 0;
        for (int r = 0; r <= removed.length; r++) {
            int end = r < removed.length ? removed[r] : size;
            System.arraycopy(source, from, target, at, end - from);
            at += end - from;
            from = end + 1;
        }
    }
}
