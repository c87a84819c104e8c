package org.civnet.demo;

import org.civnet.config.CivnetProperties;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NetworkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, fills an empty store with the generated demo network, through
 * the same importer as any upload. A store that already holds data is never touched.
 */
@Component
@Profile("demo")
@Order(10)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final NetworkStore store;
    private final NetworkImporter importer;
    private final CivnetProperties properties;

    DemoLoader(NetworkStore store, NetworkImporter importer, CivnetProperties properties) {
        this.store = store;
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.isEmpty()) {
            log.info("demo: the store already holds data; the demo network is not loaded");
            return;
        }
        CivnetProperties.Demo demo = properties.demo();
        DemoNetwork network = DemoNetworkGenerator.generate(DemoNetworkGenerator.Options.defaults()
                .withContacts(demo.contacts()).withSeed(demo.seed()));
        ImportReport report = importer.importDocument(network.document(), false);
        if (!report.rejected().isEmpty()) {
            log.warn("demo: {} generated rows were rejected, first: {}", report.rejectedTotal(), report.rejected().get(0));
        }
        log.info("demo: loaded {} contacts and {} ties in {} ms; the HRO contact is {}",
                network.document().contacts().size(), network.document().ties().size(), report.millis(),
                network.hroContactId());
    }
}
