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
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                continue;
            }
            int slot = spread(ids[i].hashCode()) & mask;
            while (slots[slot] != 0) {
                if (ids[slots[slot] - 1].equals(ids[i])) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (slots[slot] == 0) {
                slots[slot] = i + 1;
            }
        }
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
