package org.civnet.security;

/**
 * One role per user. Only ADMIN and OFFICER have clearance to see who confidential and at-risk
 * people are; ANALYST and REPORTS see stable pseudonyms.
 */
public enum Role {
    /** Users, import, export, audit. */
    ADMIN(true),
    /** A human rights officer: reads and writes contacts, runs referral queries. */
    OFFICER(true),
    /** A strategist: reads the network and every analysis, pseudonymised. */
    ANALYST(false),
    /** An API consumer: centrality and coverage reports only, pseudonymised. */
    REPORTS(false);

    private final boolean clearance;

    Role(boolean clearance) {
        this.clearance = clearance;
    }

    public boolean hasClearance() {
        return clearance;
    }

    /** The role an authenticated principal holds, or null (anonymous, or not one of ours). */
    public static Role of(java.security.Principal principal) {
        if (!(principal instanceof org.springframework.security.core.Authentication authentication)) {
            return null;
        }
        for (var authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_")) {
                try {
                    return Role.valueOf(name.substring(5));
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
        }
        return null;
    }

    /** Whether {@code role} (possibly null: anonymous) may see protected people and free text. */
    public static boolean cleared(Role role) {
        return role != null && role.hasClearance();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role an authentication carries, or null (anonymous, or not one of ours). */
    public static Role of(org.springframework.security.core.Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        for (var authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            for (Role role : values()) {
                if (role.authority().equals(name)) {
                    return role;
                }
            }
        }
        return null;
    }
}
