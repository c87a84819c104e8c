package org.civnet.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.civnet.config.CivnetProperties;
import org.civnet.secrets.SecretsDirectory;
import org.civnet.secrets.StartupRefusal;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the graph: an external server when {@code civnet.neo4j.uri} is set, a connection that
 * another bean supplies (Testcontainers' {@code @ServiceConnection}), or else the embedded server.
 * Boot's own Neo4j auto-configuration then builds the single {@code Driver} from these details.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConfiguration {

    /**
     * Written into the data directory on the first start with authentication: from then on the store
     * has secrets kept elsewhere, and starting it without them is refused instead of silently making
     * new ones. A store from before (no marker) gets its secrets on its next start.
     */
    static final String SECURED_MARKER = "civnet-secured.txt";

    private static final Logger log = LoggerFactory.getLogger(Neo4jConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    @ConditionalOnExpression("'${civnet.neo4j.uri:}' != ''")
    Neo4jConnectionDetails externalNeo4j(CivnetProperties properties) {
        CivnetProperties.Neo4j neo4j = properties.neo4j();
        return new FixedConnectionDetails(URI.create(neo4j.uri()),
                neo4j.password() == null ? AuthTokens.none() : AuthTokens.basic(neo4j.username(), neo4j.password()));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    @ConditionalOnExpression("'${civnet.neo4j.uri:}' == ''")
    EmbeddedNeo4j embeddedNeo4j(CivnetProperties properties) {
        Path data = properties.neo4j().dataDirectory();
        String password = embeddedPassword(SecretsDirectory.at(properties.secretsDirectory(), data), data);
        EmbeddedNeo4j embedded = EmbeddedNeo4j.start(data, properties.neo4j().boltPort(), password);
        markSecured(data);
        log.info("embedded Neo4j: Bolt on 127.0.0.1:{} (authentication on), data in {}", embedded.boltPort(),
                data.toAbsolutePath().normalize());
        return embedded;
    }

    @Bean
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    @ConditionalOnExpression("'${civnet.neo4j.uri:}' == ''")
    Neo4jConnectionDetails embeddedNeo4jConnection(EmbeddedNeo4j embedded) {
        return new FixedConnectionDetails(URI.create(embedded.boltUri()), embedded.authToken());
    }

    /** The embedded server's password from the secrets directory, generated for a new (or older) store. */
    private static String embeddedPassword(SecretsDirectory secrets, Path data) {
        return secrets.read(SecretsDirectory.NEO4J_PASSWORD).orElseGet(() -> {
            if (Files.exists(data.resolve(SECURED_MARKER))) {
                throw new StartupRefusal("the data directory " + data.toAbsolutePath().normalize() + " has secrets kept "
                        + "apart, and " + secrets.file(SecretsDirectory.NEO4J_PASSWORD) + " is missing: restore the "
                        + "secrets directory (civnet.secrets-directory) from where you back it up");
            }
            String generated = SecretsDirectory.randomSecret();
            secrets.write(SecretsDirectory.NEO4J_PASSWORD, generated);
            log.info("embedded Neo4j: generated its password in {} (back the secrets directory up apart from the data)",
                    secrets.file(SecretsDirectory.NEO4J_PASSWORD));
            return generated;
        });
    }

    private static void markSecured(Path data) {
        Path marker = data.resolve(SECURED_MARKER);
        if (Files.exists(marker)) {
            return;
        }
        try {
            Files.writeString(marker, "This civnet store's secrets (Neo4j password, field keys) are kept in the "
                    + "secrets directory, not here. Without them civnet will not start on this data.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    /** Boot 3.5's {@link Neo4jConnectionDetails} is not a functional interface. */
    private record FixedConnectionDetails(URI uri, AuthToken authToken) implements Neo4jConnectionDetails {
        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public AuthToken getAuthToken() {
            return authToken;
        }
    }
}
