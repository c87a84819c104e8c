package org.civnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.civnet.CivnetApplication;
import org.civnet.demo.DemoNetwork;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Profiling aid: imports one demo network into a fresh store (dry run first, then for real, then again). */
public final class ImportBench {
    public static void main(String[] args) throws Exception {
        int contacts = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory(Path.of(args.length > 1 ? args[1] : "/tmp"), "civnet-import-");
        long t = System.nanoTime();
        DemoNetwork network = DemoGraphs.generate(contacts);
        System.out.printf("generate %.0f ms, ties %d%n", (System.nanoTime() - t) / 1e6, network.document().ties().size());
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivnetApplication.class).logStartupInfo(false)
                .run("--server.port=0", "--server.address=127.0.0.1", "--civnet.neo4j.data-directory=" + dir.resolve("data"),
                        "--civnet.secrets-directory=" + dir.resolve("secrets"),
                        "--civnet.neo4j.bolt-port=0", "--civnet.neo4j.uri=", "--civnet.admin-password=benchbenchbench1234",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.org.civnet.network=INFO");
        try {
            NetworkImporter importer = app.getBean(NetworkImporter.class);
            for (String step : System.getProperty("steps", "dry,real").split(",")) {
                boolean dry = step.equals("dry");
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                ImportReport report = importer.importDocument(network.document(), dry);
                System.out.printf("import dry=%s wall %.0f ms cpu %.0f ms load %s sections %s rejected %d%n", dry,
                        (System.nanoTime() - t0) / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6,
                        Results.loadAverage(), report.sections(), report.rejectedTotal());
            }
        } finally {
            app.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
