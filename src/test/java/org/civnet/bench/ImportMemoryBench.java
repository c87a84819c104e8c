package org.civnet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import jakarta.validation.Validation;
import org.civnet.config.CivnetProperties;
import org.civnet.network.DomainRules;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NetworkStore;
import org.civnet.neo4j.CypherQueries;
import org.civnet.neo4j.Transactions;
import org.civnet.domain.NodeLabel;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Hostile-input memory bench (issue 15): imports a {@code contacts.csv} of N rows that are all
 * refused (country {@code XX}) and prints the time, the largest live heap seen after a garbage
 * collection during the import, and the size of the JSON report. Every row is refused by its field
 * rules, so the store is never written: a stand-in store answers the look-ups without Neo4j.
 *
 * <p>{@code src/test/bench/import-memory.sh [rows] [heap]} (default 1,600,000 rows, -Xmx256m).
 */
public final class ImportMemoryBench {

    private ImportMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_600_000;
        Path csv = Path.of(args.length > 1 ? args[1] : "target/bench/refused-contacts-" + rows + ".csv");
        writeRefusedContacts(csv, rows);
        ObjectMapper json = JsonMapper.builder().findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        NetworkImporter importer = new NetworkImporter(new StandInStore(),
                new DomainRules(Validation.buildDefaultValidatorFactory().getValidator()), json, properties(),
                new org.civnet.network.ConsentRules(properties()));

        AtomicLong liveAfterGc = watchLiveHeapAfterGc();
        System.gc();
        long before = usedHeap();
        long started = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(csv)) {
            report = importer.importCsv(Map.of("contacts.csv", in), false);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long reportBytes = json.writeValueAsBytes(report).length;
        System.gc();
        long retained = usedHeap() - before;
        System.out.printf("rows %,d (%,d bytes of CSV), -Xmx%d MiB%n", rows, Files.size(csv),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("import: %,d ms; rejected %,d, listed in full %,d%n", millis,
                report.sections().get("contacts").rejected(), report.rejected().size());
        System.out.printf("live heap before the import (classes, validator): %,d MiB%n", before >> 20);
        System.out.printf("largest live heap after a GC during the import: %,d MiB%n", liveAfterGc.get() >> 20);
        System.out.printf("heap held by the report after the import: %,d KiB%n", retained >> 10);
        System.out.printf("report as JSON: %,d bytes%n", reportBytes);
    }

    private static void writeRefusedContacts(Path csv, long rows) throws IOException {
        if (Files.exists(csv)) {
            return;
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,name,kind,country,themes,riskLevel,consentToIntroduce\n");
            for (long i = 0; i < rows; i++) {
                out.write("h-" + i + ",Hostile row " + i + ",DEFENDER,XX,LAND,NONE,true\n");
            }
        }
    }

    private static CivnetProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("civnet.limits.import-batch-size", "5000")))
                .bindOrCreate("civnet", CivnetProperties.class);
    }

    /** The largest heap in use just after any collection: the live set the import holds. */
    private static AtomicLong watchLiveHeapAfterGc() {
        AtomicLong largest = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                largest.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return largest;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Answers for an empty store; a write would mean a refused row got through. */
    private static final class StandInStore extends NetworkStore {
        StandInStore() {
            // No driver: any statement run would fail, which is the point.
            super(new Transactions(null, new CypherQueries()), null);
        }

        @Override
        public Map<String, NodeLabel> labelsOf(Collection<String> ids) {
            return Map.of();
        }

        @Override
        public long graphVersion() {
            return 0;
        }
    }
}
