package org.civnet.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.civnet.CivnetApplication;
import org.civnet.network.Contact;
import org.civnet.network.NodeKind;
import org.civnet.network.NodeService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civnet.secrets.FieldCipher;
import org.civnet.secrets.SecretsDirectory;
import org.civnet.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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

    private static ConfigurableApplicationContext start(Path folder) {
        return new SpringApplicationBuilder(CivnetApplication.class).run(
                "--server.port=0", "--civnet.neo4j.data-directory=" + folder.resolve("data"),
                "--civnet.secrets-directory=" + folder.resolve("secrets"), "--civnet.neo4j.bolt-port=0",
                "--civnet.neo4j.uri=", "--civnet.admin-password=");
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedDatabase(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext first = start(data)) {
            assertThat(first.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNotNull();
            first.getBean(NodeService.class).create(NodeKind.CONTACT,
                    new Contact("keep-me", "Kept Contact", null, "KE", null, null, null, true, null, null, null, null, null));
        }
        assertThat(Files.list(data.resolve("data")).findAny()).isPresent();
        try (ConfigurableApplicationContext second = start(data)) {
            Contact kept = second.getBean(NodeService.class).get(NodeKind.CONTACT, "keep-me");
            assertThat(kept.name()).isEqualTo("Kept Contact");
            assertThat(kept.consentToIntroduce()).isTrue();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void withoutAConfiguredPasswordTheFirstAdminGetsARandomOnePrintedOnce(@TempDir Path data, CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext app = start(data)) {
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getOut());
            assertThat(printed.find()).isTrue();
            password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(app.getBean(UserAccounts.class).find("admin")).get()
                    .satisfies(a -> assertThat(a.passwordHash()).doesNotContain(password));
            assertThat(app.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                    .matches(password, app.getBean(UserAccounts.class).find("admin").get().passwordHash())).isTrue();
        }
        int printedBefore = output.getOut().split("password: ", -1).length;
        try (ConfigurableApplicationContext again = start(data)) {
            assertThat(output.getOut().split("password: ", -1).length).isEqualTo(printedBefore);
        }
    }

    @Test
    void anExternalUriReplacesTheEmbeddedServer(@TempDir Path data, @TempDir Path external) {
        String password = SecretsDirectory.randomSecret();
        try (EmbeddedNeo4j outside = EmbeddedNeo4j.start(external, 0, password);
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CivnetApplication.class).run(
                     "--server.port=0", "--civnet.neo4j.data-directory=" + data,
                     "--civnet.secrets-directory=" + data.resolveSibling(data.getFileName() + "-secrets"),
                     "--civnet.neo4j.uri=" + outside.boltUri(), "--civnet.neo4j.password=" + password,
                     "--civnet.field-key=" + FieldCipher.generate().keysetJson())) {
            assertThat(app.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
            app.getBean(NodeService.class).create(NodeKind.CONTACT,
                    new Contact("far-away", "Remote", null, "PE", null, null, null, null, null, null, null, null, null));
            try (Driver driver = GraphDatabase.driver(outside.boltUri(), AuthTokens.basic("neo4j", password));
                 Session session = driver.session()) {
                long count = session.run("MATCH (c:Contact {id: 'far-away'}) RETURN count(c) AS n").single().get("n").asLong();
                assertThat(count).isEqualTo(1);
            }
            assertThat(data).isEmptyDirectory();
        }
    }
}
