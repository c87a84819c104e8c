package org.civnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here, so the compose file is checked as data: its services, ports and
 * the CIVNET_* variables it sets must be the ones civnet reads.
 */
class DockerComposeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void civnetReadsEveryVariableComposeSets() throws IOException {
        Map<String, Object> environment = (Map<String, Object>) service("civnet").get("environment");
        Map<String, Object> resolved = new HashMap<>();
        environment.forEach((key, value) -> resolved.put(key, String.valueOf(value)
                .replaceAll("\\$\\{([A-Z0-9_]+)[^}]*}", "value-of-$1")));
        assertThat(resolved).allSatisfy((key, value) -> assertThat(key).startsWith("CIVNET_"));

        StandardEnvironment env = new StandardEnvironment();
        MutablePropertySources sources = env.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, resolved));
        CivnetProperties bound = new Binder(ConfigurationPropertySources.get(env))
                .bindOrCreate("civnet", CivnetProperties.class);

        assertThat(bound.neo4j().uri()).isEqualTo(resolved.get("CIVNET_NEO4J_URI"));
        assertThat(bound.neo4j().username()).isEqualTo(resolved.get("CIVNET_NEO4J_USERNAME"));
        assertThat(bound.neo4j().password()).isEqualTo("value-of-NEO4J_PASSWORD");
        assertThat(bound.adminPassword()).isEqualTo("value-of-CIVNET_ADMIN_PASSWORD");
        assertThat(bound.neo4j().external()).isTrue();
        assertThat(bound.backup().directory()).isEqualTo(Path.of("/backups"));
        assertThat(bound.backup().passphrase()).isEqualTo("value-of-CIVNET_BACKUP_PASSPHRASE");
        assertThat(bound.fieldKey()).isEqualTo("value-of-CIVNET_FIELD_KEY");
        assertThat(resolved).containsOnlyKeys("CIVNET_NEO4J_URI", "CIVNET_NEO4J_USERNAME", "CIVNET_NEO4J_PASSWORD",
                "CIVNET_ADMIN_PASSWORD", "CIVNET_BACKUP_DIRECTORY", "CIVNET_BACKUP_PASSPHRASE", "CIVNET_FIELD_KEY");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesPortsAndHealthWireUp() throws IOException {
        Map<String, Object> neo4j = service("neo4j");
        Map<String, Object> civnet = service("civnet");
        assertThat(String.valueOf(neo4j.get("image"))).startsWith("neo4j:5.26");
        assertThat((List<String>) neo4j.get("ports")).anyMatch(p -> p.endsWith(":7687"));
        assertThat(neo4j).containsKey("healthcheck");
        assertThat(String.valueOf(((Map<String, Object>) neo4j.get("environment")).get("NEO4J_AUTH"))).doesNotContain("none");
        Map<String, Object> dependsOn = (Map<String, Object>) civnet.get("depends_on");
        assertThat(((Map<String, Object>) dependsOn.get("neo4j")).get("condition")).isEqualTo("service_healthy");
        String uri = String.valueOf(((Map<String, Object>) civnet.get("environment")).get("CIVNET_NEO4J_URI"));
        assertThat(uri).isEqualTo("bolt://neo4j:7687");
        assertThat((List<String>) civnet.get("ports")).contains("8080:8080");
        assertThat(String.valueOf(civnet.get("build"))).isEqualTo(".");
        // Backups outlive the container: the backup directory is a named volume the image lets civnet write to.
        String backups = String.valueOf(((Map<String, Object>) civnet.get("environment")).get("CIVNET_BACKUP_DIRECTORY"));
        assertThat((List<String>) civnet.get("volumes")).anySatisfy(v -> {
            String[] parts = v.split(":");
            assertThat(parts[1]).isEqualTo(backups);
            assertThat((Map<String, Object>) compose().get("volumes")).containsKey(parts[0]);
        });
        assertThat(Files.readString(Path.of("Dockerfile"))).containsPattern("chown civnet[^\\n]*" + backups);
        assertThat(Path.of("Dockerfile")).exists();
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("--add-opens=java.base/java.nio=ALL-UNNAMED");
    }
}
