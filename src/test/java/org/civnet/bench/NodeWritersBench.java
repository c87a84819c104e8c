package org.civnet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.CivnetApplication;
import org.civnet.config.CivnetProperties;
import org.civnet.demo.DemoNetwork;
import org.civnet.network.ConsentRules;
import org.civnet.network.DomainRules;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkDocument;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NetworkStore;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Profiling aid: the nodes of one demo network (every node section, no ties) imported into an empty
 * store again and again through {@link NetworkImporter#importDocument}, in turn with 1 and with 2
 * import writers (or the counts given), in one JVM, so warm-up and the machine's other load fall on
 * each alike (the order turns each round). Between two imports the nodes are deleted (not timed).
 * From the second round on, the contacts' data keys are in memory already, as in a long-running
 * civnet after its first import.
 *
 * <pre>java -cp … org.civnet.bench.NodeWritersBench 10000 [rounds=6] [writers=1,2]</pre>
 */
public final class NodeWritersBench {

    public static void main(String[] args) throws Exception {
        int contacts = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<String> writerCounts = List.of((args.length > 2 ? args[2] : "1,2").split(","));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "civnet-node-writers-");
        DemoNetwork network = DemoGraphs.generate(contacts);
        NetworkDocument full = network.document();
        NetworkDocument nodes = new NetworkDocument(full.contacts(), full.organisations(), full.mandates(),
                full.networks(), full.communications(), full.countryVisits(), full.trainings(), null, null);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivnetApplication.class).logStartupInfo(false)
                .run("--server.port=0", "--server.address=127.0.0.1", "--civnet.neo4j.data-directory=" + dir.resolve("data"),
                        "--civnet.secrets-directory=" + dir.resolve("secrets"),
                        "--civnet.neo4j.bolt-port=0", "--civnet.neo4j.uri=", "--civnet.admin-password=benchbenchbench1234",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            Driver driver = app.getBean(Driver.class);
            Map<String, NetworkImporter> importers = new LinkedHashMap<>();
            for (String writers : writerCounts) {
                CivnetProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "civnet.limits.import-writers", writers))).bindOrCreate("civnet", CivnetProperties.class);
                importers.put(writers + " writer(s)", new NetworkImporter(app.getBean(NetworkStore.class),
                        app.getBean(DomainRules.class), app.getBean(ObjectMapper.class), properties,
                        new ConsentRules(properties)));
            }
            List<String> variants = List.copyOf(importers.keySet());
            Map<String, List<double[]>> times = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < variants.size(); v++) {
                    String variant = variants.get((v + round) % variants.size());
                    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                    long cpu = os.getProcessCpuTime();
                    long started = System.nanoTime();
                    ImportReport report = importers.get(variant).importDocument(nodes, false);
                    double[] wallAndCpu = {(System.nanoTime() - started) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6};
                    if (report.rejectedTotal() > 0 || report.sections().get("contacts").created() != contacts) {
                        throw new IllegalStateException("unexpected report: " + report.sections());
                    }
                    times.computeIfAbsent(variant, p -> new ArrayList<>()).add(wallAndCpu);
                    System.out.printf("round %d %-12s wall %6.0f ms cpu %6.0f ms load %s%n", round + 1, variant,
                            wallAndCpu[0], wallAndCpu[1], Results.loadAverage());
                    try (Session session = driver.session()) {
                        session.run("MATCH (n:Node) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                                .consume();
                    }
                }
            }
            // The first two rounds warm up (JIT, plans, the data keys): left out of the medians when there are more.
            times.forEach((variant, runs) -> {
                List<double[]> warm = runs.size() > 2 ? runs.subList(2, runs.size()) : runs;
                System.out.printf("median of %d %-12s wall %6.0f ms cpu %6.0f ms%n", warm.size(), variant,
                        median(warm, 0), median(warm, 1));
            });
        } finally {
            app.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
