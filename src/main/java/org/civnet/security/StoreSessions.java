package org.civnet.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.civnet.neo4j.Transactions;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * The page's login sessions, kept in Neo4j so that every civnet on the same store knows them (no
 * sticky load balancing), a logout or a deleted user ends them everywhere at once, and a restart
 * does not log anyone out. Spring Session calls this; Spring Security keeps its context and CSRF
 * token in the session as usual.
 *
 * <p>The store holds only the SHA-256 of a session id, so a copy of the data directory opens no
 * session. Attributes are Java-serialised, and read back through a filter that admits only the
 * JDK's collections and Spring Security's types: a value planted in the store cannot make the
 * server instantiate anything else.
 */
class StoreSessions implements SessionRepository<MapSession> {

    private static final ObjectInputFilter ONLY_SESSION_TYPES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=1000000;java.lang.*;java.util.*;java.time.*;java.net.URI;"
                    + "org.springframework.security.**;org.civnet.security.**;!*");

    /** Marks a session this instance created in the current request, until it is first saved. */
    private static final String CREATED_HERE = StoreSessions.class.getName() + ".created";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoreSessions.class);

    private final Transactions transactions;
    private final Duration idleTimeout;

    StoreSessions(Transactions transactions, Duration idleTimeout) {
        this.transactions = transactions.require("security/session-find", "security/session-create", "security/session-update",
                "security/session-delete", "security/session-delete-expired", "security/session-delete-user");
        this.idleTimeout = idleTimeout;
    }

    @Override
    public MapSession createSession() {
        transactions.run("security/session-delete-expired", Map.of("now", Instant.now().toEpochMilli()));
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(idleTimeout);
        session.setAttribute(CREATED_HERE, Boolean.TRUE);
        return session;
    }

    @Override
    public void save(MapSession session) {
        boolean create = session.getAttribute(CREATED_HERE) != null;
        session.removeAttribute(CREATED_HERE);
        if (!session.getId().equals(session.getOriginalId())) {
            // The id changed at login (session fixation protection): the old one must stop working.
            deleteById(session.getOriginalId());
            create = true;
        }
        Map<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("key", UserAccounts.hash(session.getId()));
        params.put("attributes", serialise(attributes));
        params.put("creationTime", session.getCreationTime().toEpochMilli());
        params.put("lastAccessedTime", session.getLastAccessedTime().toEpochMilli());
        params.put("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds());
        params.put("expiresAt", session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).toEpochMilli());
        params.put("user", user(attributes));
        transactions.run(create ? "security/session-create" : "security/session-update", params);
    }

    @Override
    public MapSession findById(String id) {
        String key = UserAccounts.hash(id);
        return transactions.read("security/session-find", Map.of("key", key), r -> {
            MapSession session = new MapSession(id);
            session.setCreationTime(Instant.ofEpochMilli(r.get("creationTime").asLong()));
            session.setLastAccessedTime(Instant.ofEpochMilli(r.get("lastAccessedTime").asLong()));
            session.setMaxInactiveInterval(Duration.ofSeconds(r.get("maxInactiveSeconds").asLong()));
            Map<String, Object> attributes = deserialise(r.get("attributes").asByteArray());
            if (attributes == null) {
                return null;
            }
            attributes.forEach(session::setAttribute);
            return session;
        }).stream().filter(java.util.Objects::nonNull).findFirst().map(session -> {
            if (session.isExpired()) {
                deleteById(id);
                return null;
            }
            return session;
        }).orElse(null);
    }

    @Override
    public void deleteById(String id) {
        transactions.run("security/session-delete", Map.of("key", UserAccounts.hash(id)));
    }

    /** Ends every page session of a user (deleted, or a new password). */
    void endSessionsOf(String username) {
        transactions.run("security/session-delete-user", Map.of("username", username));
    }

    private static String user(Map<String, Object> attributes) {
        Object context = attributes.get(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security && security.getAuthentication() != null
                ? security.getAuthentication().getName() : null;
    }

    private static byte[] serialise(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new IllegalStateException("a session attribute cannot be stored", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialise(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ONLY_SESSION_TYPES);
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // An unreadable session is no session (the user logs in again); say so, without its content.
            log.warn("a stored page session could not be read ({}); it is ignored", e.getClass().getSimpleName());
            return null;
        }
    }
}
