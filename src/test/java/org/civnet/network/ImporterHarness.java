package org.civnet.network;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.config.CivnetProperties;
import org.civnet.neo4j.Transactions;
import org.civnet.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * For the import tests that run an importer of their own: over a {@link NetworkStore} they may wrap
 * to inject a failure, a race or a shutdown, with small batches and a chosen number of writers.
 */
abstract class ImporterHarness extends IntegrationTest {

    @Autowired
    protected Transactions transactions;
    @Autowired
    protected FieldKeys fieldKeys;
    @Autowired
    protected DomainRules rules;
    @Autowired
    protected ObjectMapper json;

    /** An importer over {@code store} writing {@code batchSize} rows per transaction on {@code writers} writers. */
    protected NetworkImporter importer(NetworkStore store, int batchSize, int writers) {
        CivnetProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "civnet.limits.import-batch-size", String.valueOf(batchSize),
                "civnet.limits.import-writers", String.valueOf(writers)))).bindOrCreate("civnet", CivnetProperties.class);
        return new NetworkImporter(store, rules, json, properties, new ConsentRules(properties));
    }
}
