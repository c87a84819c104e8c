package org.civnet.snapshot;

/**
 * Id → position in an id column, as open addressing over one int array (linear probing, load at
 * most one half): no boxed Integer and no entry object per id. A snapshot is rebuilt at every graph
 * version, and at 100,000 ids a {@code HashMap<String, Integer>} cost about a tenth of bringing it
 * forward; this costs one array and the ids' cached hash codes.
 *
 * <p>Immutable after construction; ids are distinct (a repeated one finds its first position), null ids
 * are never found.
 * Cost: O(n) to build, O(1) expected per look-up.
 */
final class IdIndex {

    private final String[] ids;
    /** Position + 1 of the id hashed here, 0 for an empty slot. */
    private final int[] slots;
    private final int mask;

    IdIndex(String[] ids) {
        this(ids, new int[Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1], 0);
    }

    /** An index over {@code ids} whose {@code slots} already hold {@code ids[0..indexed)}. */
    private IdIndex(String[] ids, int[] slots, int indexed) {
        this.ids = ids;
        this.slots = slots;
        this.mask = slots.length - 1;
        for (int i = indexed; i < ids.length; i++) {
            insert(i);
        }
    }

    /**
     * The index of {@code longer}, which holds this index's ids at the same positions and more
     * after them (a scoped snapshot with vertices appended, {@link NetworkSnapshot}): this index's
     * slots copied and only the new ids hashed, while the load stays at most one half; otherwise
     * built anew. O(capacity) copy plus O(1) expected per new id.
     */
    IdIndex withAppended(String[] longer) {
        if (longer.length < ids.length) {
            throw new IllegalArgumentException("an index can only be extended");
        }
        if (longer.length * 2L > slots.length) {
            return new IdIndex(longer);
        }
        return new IdIndex(longer, slots.clone(), ids.length);
    }

    private void insert(int i) {
        if (ids[i] == null) {
            return;
        }
        int slot = spread(ids[i].hashCode()) & mask;
        while (slots[slot] != 0) {
            if (ids[slots[slot] - 1].equals(ids[i])) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
    }

    /** The position of {@code id}, or -1. */
    int indexOf(String id) {
        if (id == null) {
            return -1;
        }
        int slot = spread(id.hashCode()) & mask;
        while (slots[slot] != 0) {
            int i = slots[slot] - 1;
            if (ids[i].equals(id)) {
                return i;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Mixes the high bits in, as HashMap does, so ids that differ only there do not collide. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
