package org.civnet.demo;

/**
 * An open-addressing set of non-zero longs (linear probing, load ≤ 1/2). The generator packs each tie's
 * (type, from, to) into one long, so checking a million ties for duplicates costs a few megabytes
 * instead of a million boxed strings.
 */
final class LongHashSet {
    private long[] table;
    private int size;

    LongHashSet(int expectedSize) {
        table = new long[tableSizeFor(expectedSize)];
    }

    /** Adds the key; false if it was already present. Zero marks an empty slot, so it is refused. */
    boolean add(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("0 is reserved");
        }
        int mask = table.length - 1;
        int slot = mix(key) & mask;
        while (table[slot] != 0) {
            if (table[slot] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = key;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    boolean contains(long key) {
        int mask = table.length - 1;
        int slot = mix(key) & mask;
        while (table[slot] != 0) {
            if (table[slot] == key) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long key : old) {
            if (key != 0) {
                int slot = mix(key) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = key;
            }
        }
    }

    private static int tableSizeFor(int expectedSize) {
        int wanted = Math.max(16, expectedSize * 2);
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    /** The murmur3 finaliser: packed keys differ mostly in low bits, which linear probing needs spread. */
    private static int mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        key ^= key >>> 33;
        return (int) key;
    }
}
