package org.civnet.neo4j;

import java.net.URI;

import org.civnet.config.CivnetProperties;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
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
        return EmbeddedNeo4j.start(properties.neo4j().dataDirectory(), properties.neo4j().boltPort());
    }

    @Bean
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    @ConditionalOnExpression("'${civnet.neo4j.uri:}' == ''")
    Neo4jConnectionDetails embeddedNeo4jConnection(EmbeddedNeo4j embedded) {
        return new FixedConnectionDetails(URI.create(embedded.boltUri()), AuthTokens.none());
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
