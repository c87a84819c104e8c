package org.civnet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.civnet.CivnetApplication;
import org.civnet.demo.DemoNetwork;
import org.civnet.domain.TieType;
import org.civnet.network.Contact;
import org.civnet.network.NetworkStore;
import org.civnet.network.NetworkStore.UpsertCounts;
import org.civnet.network.NodeKind;
import org.civnet.network.Tie;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Profiling aid: the KNOWS ties of one demo network written between its contacts again and again,
 * in turn by each variant: ends found by the id index ({@code tie/insert-new}, "index") or by element
 * id ({@code tie/insert-between-new}, "element"), in batches of a given size, one batch after another
 * on one thread, in one JVM, so warm-up and the machine's other load fall on every variant alike
 * (the order of the variants turns each round). Between two writes the ties are deleted (not timed).
 *
 * <pre>java -cp … org.civnet.bench.TieEndsBench 10000 [rounds=4] [variants=index:5000,element:5000]</pre>
 */
public final class TieEndsBench {

    public static void main(String[] args) throws Exception {
        int contacts = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<String> variants = List.of((args.length > 2 ? args[2] : "index:5000,element:5000").split(","));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "civnet-tie-ends-");
        DemoNetwork network = DemoGraphs.generate(contacts);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivnetApplication.class).logStartupInfo(false)
                .run("--server.port=0", "--server.address=127.0.0.1", "--civnet.neo4j.data-directory=" + dir.resolve("data"),
                        "--civnet.secrets-directory=" + dir.resolve("secrets"),
                        "--civnet.neo4j.bolt-port=0", "--civnet.neo4j.uri=", "--civnet.admin-password=benchbenchbench1234",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            NetworkStore store = app.getBean(NetworkStore.class);
            Driver driver = app.getBean(Driver.class);
            Map<String, String> elementIds = new ConcurrentHashMap<>();
            List<Contact> people = network.document().contacts().stream().map(NodeKind.CONTACT::normalise).toList();
            inBatches(people, 5000, part -> store.insertNewNodes(NodeKind.CONTACT, part, elementIds));
            List<Tie> knows = network.document().ties().stream().filter(t -> t.type() == TieType.KNOWS).toList();
            System.out.printf("contacts %d, KNOWS ties %d, load %s%n", people.size(), knows.size(), Results.loadAverage());

            Map<String, List<double[]>> times = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < variants.size(); v++) {
                    String variant = variants.get((v + round) % variants.size());
                    int batch = Integer.parseInt(variant.substring(variant.indexOf(':') + 1));
                    Function<List<Tie>, UpsertCounts> writer = variant.startsWith("index")
                            ? part -> store.insertNewTies(TieType.KNOWS, part)
                            : part -> store.insertTiesBetweenNew(TieType.KNOWS, part, elementIds);
                    double[] wallAndCpu = timed(() -> inBatches(knows, batch, writer));
                    times.computeIfAbsent(variant, p -> new ArrayList<>()).add(wallAndCpu);
                    System.out.printf("round %d %-14s wall %6.0f ms cpu %6.0f ms load %s%n", round + 1, variant,
                            wallAndCpu[0], wallAndCpu[1], Results.loadAverage());
                    try (Session session = driver.session()) {
                        session.run("MATCH ()-[r:KNOWS]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS")
                                .consume();
                    }
                }
            }
            // The first two rounds warm up (JIT, plans): left out of the medians when there are more.
            times.forEach((variant, runs) -> {
                List<double[]> warm = runs.size() > 2 ? runs.subList(2, runs.size()) : runs;
                System.out.printf("median of %d %-14s wall %6.0f ms cpu %6.0f ms%n", warm.size(), variant,
                        median(warm, 0), median(warm, 1));
            });
        } finally {
            app.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static <T> void inBatches(List<T> rows, int batch, Function<List<T>, UpsertCounts> writer) {
        for (int from = 0; from < rows.size(); from += batch) {
            UpsertCounts counts = writer.apply(rows.subList(from, Math.min(rows.size(), from + batch)));
            if (counts.created() != Math.min(rows.size(), from + batch) - from) {
                throw new IllegalStateException("batch at " + from + " created " + counts.created());
            }
        }
    }

    private static double[] timed(Runnable work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long started = System.nanoTime();
        work.run();
        return new double[] {(System.nanoTime() - started) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6};
    }

    private static double median(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
