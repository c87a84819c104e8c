package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.civnet.CivnetApplication;
import org.civnet.demo.DemoNetwork;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.Contact;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NodeKind;
import org.civnet.network.NodeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The graph civnet held when it stopped is taken at the next start instead of a whole read, brought
 * forward by what was written since, and equal to a fresh read; the file is encrypted, lives only
 * while civnet is stopped, and one of another store, or tampered with, is not used.
 */
class SavedSnapshotIT {

    private static ConfigurableApplicationContext start(Path folder, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0", "--civnet.neo4j.data-directory=" + folder.resolve("data"),
                "--civnet.secrets-directory=" + folder.resolve("secrets"), "--civnet.neo4j.bolt-port=0",
                "--civnet.neo4j.uri=", "--civnet.admin-password=", "--civnet.analysis.warm-on-start=false",
                "--civnet.analysis.refresh-ahead=false"));
        args.addAll(Arrays.asList(more));
        return new SpringApplicationBuilder(CivnetApplication.class).run(args.toArray(String[]::new));
    }

    private static Path file(Path folder) {
        return folder.resolve("data").resolve(SavedSnapshot.FILE);
    }

    private static Path key(Path folder) {
        return folder.resolve("secrets").resolve(SavedSnapshot.KEY);
    }

    @Test
    void theGraphHeldAtStopIsTakenAtStartBroughtForwardAndEqualToAFreshRead(@TempDir Path folder) throws Exception {
        DemoNetwork network = DemoNetworkGenerator.generate(DemoNetworkGenerator.Options.defaults().withContacts(300));
        String someName = network.document().contacts().get(0).name();
        try (ConfigurableApplicationContext first = start(folder)) {
            first.getBean(NetworkImporter.class).importDocument(network.document(), false);
            assertThat(first.getBean(SnapshotCache.class).graphData().nodeCount()).isGreaterThan(300);
        }
        assertThat(file(folder)).as("written when civnet stopped").exists();
        assertThat(key(folder)).exists();
        byte[] stored = Files.readAllBytes(file(folder));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("encrypted: no name in clear")
                .doesNotContain(someName).doesNotContain(network.document().contacts().get(0).id());

        try (ConfigurableApplicationContext second = start(folder)) {
            assertThat(key(folder)).as("its key is read into memory and deleted as civnet starts").doesNotExist();
            assertThat(file(folder)).as("the file, unreadable without it, waits for the graph's first need").exists();
            second.getBean(NodeService.class).create(NodeKind.CONTACT,
                    new Contact("written-while-up", "New Contact", null, "KE", null, null, null, true, null, null, null,
                            null, null));
            SnapshotCache cache = second.getBean(SnapshotCache.class);

            GraphData kept = cache.graphData();

            assertThat(cache.savedTaken()).as("taken instead of a whole read").isEqualTo(1);
            assertThat(cache.builds()).as("whole reads").isZero();
            assertThat(file(folder)).as("deleted once taken").doesNotExist();
            assertThat(Arrays.asList(kept.ids())).contains("written-while-up");
            assertThat(GraphDataContent.of(kept))
                    .isEqualTo(GraphDataContent.of(second.getBean(SnapshotReader.class).read()));
        }

        // Tampered with while civnet was stopped: not used, deleted, and the store read whole.
        byte[] saved = Files.readAllBytes(file(folder));
        saved[saved.length / 2] ^= 1;
        Files.write(file(folder), saved);
        try (ConfigurableApplicationContext third = start(folder)) {
            SnapshotCache cache = third.getBean(SnapshotCache.class);
            GraphData read = cache.graphData();
            assertThat(cache.savedTaken()).isZero();
            assertThat(cache.builds()).isEqualTo(1);
            assertThat(file(folder)).doesNotExist();
            assertThat(key(folder)).doesNotExist();
            assertThat(GraphDataContent.of(read))
                    .isEqualTo(GraphDataContent.of(third.getBean(SnapshotReader.class).read()));
        }
    }

    @Test
    void theGraphIsBroughtToTheStoresLastVersionBeforeItIsSaved(@TempDir Path folder) {
        try (ConfigurableApplicationContext app = start(folder)) {
            NodeService nodes = app.getBean(NodeService.class);
            nodes.create(NodeKind.CONTACT, contact("analysed"));
            assertThat(app.getBean(SnapshotCache.class).graphData().ids()).contains("analysed");
            // Written after the last analysis: the graph civnet holds does not have it yet.
            nodes.create(NodeKind.CONTACT, contact("written-after"));
        }
        try (ConfigurableApplicationContext app = start(folder)) {
            SnapshotReader reader = app.getBean(SnapshotReader.class);
            GraphData saved = app.getBean(SavedSnapshot.class).take(reader);

            assertThat(saved).isNotNull();
            assertThat(saved.ids()).contains("analysed", "written-after");
            assertThat(GraphDataContent.of(saved)).isEqualTo(GraphDataContent.of(reader.read()));
            app.getBean(SnapshotCache.class).graphData(); // a graph held, to be saved at the stop
        }
        // Saved again at that stop; with the setting off, the next start deletes the file and its key.
        assertThat(file(folder)).exists();
        try (ConfigurableApplicationContext app = start(folder, "--civnet.analysis.save-on-stop=false")) {
            assertThat(file(folder)).doesNotExist();
            assertThat(key(folder)).doesNotExist();
            app.getBean(SnapshotCache.class).graphData();
        }
        assertThat(file(folder)).as("nor is anything saved").doesNotExist();
    }

    @Test
    void aGraphOfAnotherHistoryOfTheSameStoreIsNotUsed(@TempDir Path folder) {
        try (ConfigurableApplicationContext app = start(folder)) {
            app.getBean(NodeService.class).create(NodeKind.CONTACT, contact("history"));
            app.getBean(SnapshotCache.class).graphData();
        }
        try (ConfigurableApplicationContext app = start(folder)) {
            SnapshotReader reader = app.getBean(SnapshotReader.class);
            long version = app.getBean(org.civnet.network.NetworkStore.class).graphVersion();
            // As if the store had been rolled back and written again up to the same version: the same
            // store and version, another write behind it.
            try (org.neo4j.driver.Session session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                session.run("MATCH (c:GraphChange {version: $v}) SET c.at = c.at + 1", java.util.Map.of("v", version))
                        .consume();
            }

            assertThat(app.getBean(SavedSnapshot.class).take(reader)).isNull();
            assertThat(file(folder)).doesNotExist();
        }
    }

    private static Contact contact(String id) {
        return new Contact(id, "Contact " + id, null, "KE", null, null, null, true, null, null, null, null, null);
    }

    @Test
    void aGraphSavedFromAnotherStoreIsNotUsed(@TempDir Path one, @TempDir Path other) throws Exception {
        long savedVersion;
        try (ConfigurableApplicationContext app = start(one)) {
            app.getBean(NodeService.class).create(NodeKind.CONTACT,
                    new Contact("only-in-one", "One", null, "KE", null, null, null, true, null, null, null, null, null));
            savedVersion = app.getBean(SnapshotCache.class).graphData().graphVersion();
        }
        try (ConfigurableApplicationContext app = start(other)) {
            // More writes than in the first store, so its version is not behind the saved graph's
            // (a graph ahead of the store is refused by version alone).
            for (int i = 0; i < 3; i++) {
                app.getBean(NodeService.class).create(NodeKind.CONTACT, contact("other-" + i));
            }
            app.getBean(SnapshotCache.class).graphData();
        }
        // The other store's file and key replaced by the first one's: a valid file, for another store.
        Files.copy(file(one), file(other), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(key(one), key(other), StandardCopyOption.REPLACE_EXISTING);

        try (ConfigurableApplicationContext app = start(other)) {
            SnapshotReader reader = app.getBean(SnapshotReader.class);
            assertThat(app.getBean(org.civnet.network.NetworkStore.class).graphVersion())
                    .isGreaterThanOrEqualTo(savedVersion);
            assertThat(app.getBean(SavedSnapshot.class).take(reader)).as("another store's graph").isNull();
            SnapshotCache cache = app.getBean(SnapshotCache.class);
            GraphData read = cache.graphData();
            assertThat(cache.savedTaken()).isZero();
            assertThat(Arrays.asList(read.ids())).doesNotContain("only-in-one");
            assertThat(file(other)).doesNotExist();
            assertThat(key(other)).doesNotExist();
        }
    }
}
