package org.civnet.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The folder that holds civnet's own secrets (the embedded Neo4j's password, the field key), kept
 * apart from the data directory so that a copy of the data, or a backup, reveals nothing without it.
 * Files are written whole (a temporary file moved into place) and readable by their owner only.
 */
public final class SecretsDirectory {

    public static final String NEO4J_PASSWORD = "neo4j-password";
    public static final String FIELD_KEYS = "field-keys.json";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private SecretsDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * The secrets directory {@code directory}, refused when it lies inside {@code dataDirectory}
     * (a copy of the data would then carry its own keys).
     */
    public static SecretsDirectory at(Path directory, Path dataDirectory) {
        Path secrets = directory.toAbsolutePath().normalize();
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (secrets.startsWith(data)) {
            throw new StartupRefusal("civnet.secrets-directory (" + secrets + ") must not be inside the data directory ("
                    + data + "): a copy of the data would carry its own keys");
        }
        return new SecretsDirectory(secrets);
    }

    public Path path() {
        return directory;
    }

    public Path file(String name) {
        return directory.resolve(name);
    }

    public Optional<String> read(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret " + file, e);
        }
    }

    /** Writes {@code content} to {@code name} whole, readable by the owner only. */
    public void write(String name, String content) {
        try {
            createDirectory();
            Path partial = directory.resolve("." + name + ".part");
            Files.deleteIfExists(partial);
            createOwnerOnly(partial);
            Files.writeString(partial, content + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret " + file(name), e);
        }
    }

    /**
     * Creates the empty file {@code path} readable and writable by its owner only (where the file
     * system can say so), for anything civnet writes that must not be readable by others.
     */
    public static void createOwnerOnly(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        }
    }

    /** Deletes the secret {@code name} if it is there. */
    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the secret " + file(name), e);
        }
    }

    /** 32 random bytes, URL-safe base64: a password no one has to type. */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // Not a POSIX file system: the files are still created owner-only where it can be said.
        }
    }
}
