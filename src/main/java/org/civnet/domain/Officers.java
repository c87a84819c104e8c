package org.civnet.domain;

/**
 * The officer responsible for a contact, an introduction or an activity is named by user name, in
 * the form user names take, so a handover or a reassignment finds it by the name the officer logs in
 * with. The user need not exist any more: an officer who has left still has records to hand over.
 */
public final class Officers {
    public static final String PATTERN = "[a-z0-9._-]{3,40}";
    public static final String MESSAGE = "must be a user name: 3-40 lower-case letters, digits, '.', '_' or '-'";

    private Officers() {
    }
}
