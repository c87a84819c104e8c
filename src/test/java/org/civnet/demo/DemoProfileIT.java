package org.civnet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.civnet.CivnetApplication;
import org.civnet.network.NetworkStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code demo} profile fills an empty store, and never touches one that holds data. */
class DemoProfileIT {

    private static ConfigurableApplicationContext start(Path folder) {
        return new SpringApplicationBuilder(CivnetApplication.class).profiles("demo").run(
                "--server.port=0", "--civnet.neo4j.data-directory=" + folder.resolve("data"),
                "--civnet.secrets-directory=" + folder.resolve("secrets"), "--civnet.neo4j.bolt-port=0",
                "--civnet.neo4j.uri=", "--civnet.admin-password=demo-admin-password", "--civnet.demo.contacts=300");
    }

    @Test
    void loadsOnceIntoAnEmptyStore(@TempDir Path data) {
        long version;
        try (ConfigurableApplicationContext app = start(data)) {
            NetworkStore store = app.getBean(NetworkStore.class);
            assertThat(store.stats().nodes().get("Contact")).isEqualTo(300);
            version = store.graphVersion();
        }
        try (ConfigurableApplicationContext again = start(data)) {
            NetworkStore store = again.getBean(NetworkStore.class);
            assertThat(store.stats().nodes().get("Contact")).isEqualTo(300);
            assertThat(store.graphVersion()).isEqualTo(version);
        }
    }
}
