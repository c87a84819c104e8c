package org.civnet.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.civnet.CivnetApplication;
import org.civnet.network.Contact;
import org.civnet.network.NodeKind;
import org.civnet.network.NodeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service without an external URI: it starts its own Neo4j on disk, and what it stored is
 * there again after a restart.
 */
class EmbeddedModeIT {

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(CivnetApplication.class).run(
                "--server.port=0", "--civnet.neo4j.data-directory=" + data, "--civnet.neo4j.bolt-port=0",
                "--civnet.neo4j.uri=");
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedDatabase(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext first = start(data)) {
            assertThat(first.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNotNull();
            first.getBean(NodeService.class).create(NodeKind.CONTACT,
                    new Contact("keep-me", "Kept Contact", null, "KE", null, null, null, true, null, null, null, null, null));
        }
        assertThat(Files.list(data).findAny()).isPresent();
        try (ConfigurableApplicationContext second = start(data)) {
            Contact kept = second.getBean(NodeService.class).get(NodeKind.CONTACT, "keep-me");
            assertThat(kept.name()).isEqualTo("Kept Contact");
            assertThat(kept.consentToIntroduce()).isTrue();
        }
    }

    @Test
    void anExternalUriReplacesTheEmbeddedServer(@TempDir Path data, @TempDir Path external) {
        try (EmbeddedNeo4j outside = EmbeddedNeo4j.start(external, 0);
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CivnetApplication.class).run(
                     "--server.port=0", "--civnet.neo4j.data-directory=" + data,
                     "--civnet.neo4j.uri=" + outside.boltUri())) {
            assertThat(app.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
            app.getBean(NodeService.class).create(NodeKind.CONTACT,
                    new Contact("far-away", "Remote", null, "PE", null, null, null, null, null, null, null, null, null));
            try (Driver driver = GraphDatabase.driver(outside.boltUri(), AuthTokens.none());
                 Session session = driver.session()) {
                long count = session.run("MATCH (c:Contact {id: 'far-away'}) RETURN count(c) AS n").single().get("n").asLong();
                assertThat(count).isEqualTo(1);
            }
            assertThat(data).isEmptyDirectory();
        }
    }
}
