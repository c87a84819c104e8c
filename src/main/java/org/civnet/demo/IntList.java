package org.civnet.demo;

import java.util.Arrays;

/** A growable int array, so index lists over 100,000 contacts do not box. */
final class IntList {
    private int[] values;
    private int size;

    IntList() {
        this(8);
    }

    IntList(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
