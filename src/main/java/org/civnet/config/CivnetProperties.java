package org.civnet.config;

import java.nio.file.Path;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.civnet.domain.Region;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All of civnet's own settings, under {@code civnet.*} (environment: {@code CIVNET_*}).
 *
 * @param neo4j  where the graph lives
 * @param demo   the demo network loaded by the {@code demo} profile
 * @param limits request and result size limits
 * @param analysis  snapshot cache and analysis limits
 * @param referral  how referral paths are weighed, and their limits
 * @param backup    where backups are written and restored from, and the passphrase that encrypts them
 * @param coverage  target shares and thresholds of the coverage and gap report
 * @param adminPassword password of the first administrator, {@code admin}, used only when no user exists
 *                      yet; without it a random one is generated and printed once (never logged again)
 * @param secretsDirectory where civnet keeps its own secrets (the embedded Neo4j's password, the field
 *                      keyset); never inside the data directory, and to be backed up apart from it
 * @param fieldKey      the Tink JSON keyset that encrypts contacts' channels and notes in the store;
 *                      when empty, {@code field-keys.json} in the secrets directory (generated there on
 *                      the first start of an embedded store; an external store requires one)
 * @param session       the web page's login sessions
 * @param privacy       the re-identification gate on what roles without clearance are shown
 * @param consent       how consent records of unknown date are reviewed, and the expiring-consents list
 * @param retention     when contacts are listed for review because nothing happened with them
 */
@Validated
@ConfigurationProperties("civnet")
public record CivnetProperties(
        @Valid @NotNull @DefaultValue Neo4j neo4j,
        @Valid @NotNull @DefaultValue Demo demo,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Analysis analysis,
        @Valid @NotNull @DefaultValue Referral referral,
        @Valid @NotNull @DefaultValue Backup backup,
        @Valid @NotNull @DefaultValue Coverage coverage,
        String adminPassword,
        @DefaultValue("./secrets") @NotNull Path secretsDirectory,
        String fieldKey,
        @Valid @NotNull @DefaultValue Session session,
        @Valid @NotNull @DefaultValue Privacy privacy,
        @Valid @NotNull @DefaultValue Consent consent,
        @Valid @NotNull @DefaultValue Retention retention) {

    @Override
    public String toString() {
        return "CivnetProperties[neo4j=" + neo4j + ", demo=" + demo + ", limits=" + limits + ", analysis=" + analysis
                + ", referral=" + referral + ", backup=" + backup + ", coverage=" + coverage + ", adminPassword=***"
                + ", secretsDirectory=" + secretsDirectory + ", fieldKey=***, session=" + session + ", privacy=" + privacy
                + ", consent=" + consent + ", retention=" + retention + "]";
    }

    /**
     * @param uri           external Neo4j ({@code bolt://} or {@code neo4j://} routing URI); when blank the
     *                      embedded server starts instead
     * @param username      user for the external server
     * @param password      password for the external server (never logged)
     * @param dataDirectory where the embedded server keeps its files
     * @param boltPort      the embedded server's Bolt port on 127.0.0.1; 0 (the default) picks a free one, so
     *                      two civnets, or civnet beside a Neo4j on 7687, start side by side
     */
    public record Neo4j(
            String uri,
            @DefaultValue("neo4j") String username,
            String password,
            @DefaultValue("./data") Path dataDirectory,
            @DefaultValue("0") @Min(0) @Max(65535) int boltPort) {

        public boolean external() {
            return uri != null && !uri.isBlank();
        }

        @Override
        public String toString() {
            return "Neo4j[uri=" + uri + ", username=" + username + ", password=***, dataDirectory="
                    + dataDirectory + ", boltPort=" + boltPort + "]";
        }
    }

    /**
     * @param contacts number of contacts the demo generator creates
     * @param seed     generator seed: the same seed always gives the same network
     */
    public record Demo(
            @DefaultValue("2000") @Min(200) @Max(200_000) int contacts,
            @DefaultValue("42") long seed) {
    }

    /**
     * @param importBatchSize rows per write transaction during imports
     * @param importWriters   write transactions an import runs at once for its new nodes and for its ties
     *                        (tie batches are partitioned so that concurrent ones never share an end
     *                        node, see ImportWriter)
     * @param maxImportBytes  largest import or restore body (413 beyond)
     * @param maxBodyBytes    largest body for every other endpoint (413 beyond)
     */
    public record Limits(
            @DefaultValue("5000") @Min(100) @Max(100_000) int importBatchSize,
            @DefaultValue("2") @Min(1) @Max(16) int importWriters,
            @DefaultValue("512MB") DataSize maxImportBytes,
            @DefaultValue("1MB") DataSize maxBodyBytes) {
    }

    /**
     * @param cacheEntries  most scoped snapshots kept at once (least recently used evicted first)
     * @param cacheMaxBytes rough memory bound for the cached snapshots
     * @param maxTop        largest {@code top} an analysis returns
     * @param changeRecords how many graph versions keep their change record in the store (every write
     *                      records what it changed, so snapshots apply it instead of re-reading the
     *                      graph); a snapshot older than that reads the whole graph again
     * @param approxMaxSamples most shortest paths one certified betweenness estimate ({@code approx=auto})
     *                      may sample: an epsilon that needs more is refused (400 naming {@code epsilon}),
     *                      and the top-k mode stops there, stating the epsilon it reached
     * @param poolSize      heavy analyses (betweenness, closeness, harmonic, brokers, coalitions,
     *                      isolation, resilience) running at once; 0 for half the processors (at least 1)
     * @param queue         heavy analyses waiting for a worker beyond those; one more is refused with
     *                      503 and {@code Retry-After}
     * @param threads       worker threads one analysis uses; 0 for {@code (processors - 1) / poolSize}
     *                      (at least 1), so the analyses together leave a core to writes and cheap reads
     * @param memoryBudget  most heap one analysis (or a snapshot read) may be estimated to need; beyond
     *                      it the request is refused with 503; 0 for no limit but the free heap
     * @param heapReserve   heap kept free for everything else (requests, writes, an embedded Neo4j):
     *                      an analysis runs only if its estimate fits in the free heap minus this
     * @param warmOnStart   read the graph in the background as civnet starts, so the first analysis
     *                      after a restart does not wait for the whole read (still refused when the
     *                      heap cannot hold it)
     * @param refreshAhead  after a small write through this instance commits, bring the most recently
     *                      used snapshots forward in the background, so the next analysis finds them
     *                      (a referral right after recording a tie waits only for what is left)
     * @param saveOnStop    with the embedded Neo4j, keep the graph across a restart: written encrypted
     *                      into the data directory when civnet stops (its key in the secrets directory),
     *                      read and deleted when it starts, then brought forward by the change records
     */
    public record Analysis(
            @DefaultValue("16") @Min(1) @Max(1000) int cacheEntries,
            @DefaultValue("1GB") DataSize cacheMaxBytes,
            @DefaultValue("100000") @Min(1) @Max(1_000_000) int maxTop,
            @DefaultValue("10000") @Min(1) @Max(10_000_000) int changeRecords,
            @DefaultValue("1000000") @Min(1000) @Max(1_000_000_000) int approxMaxSamples,
            @DefaultValue("0") @Min(0) @Max(256) int poolSize,
            @DefaultValue("4") @Min(0) @Max(10_000) int queue,
            @DefaultValue("0") @Min(0) @Max(256) int threads,
            @DefaultValue("0B") @NotNull DataSize memoryBudget,
            @DefaultValue("64MB") @NotNull DataSize heapReserve,
            @DefaultValue("true") boolean warmOnStart,
            @DefaultValue("true") boolean refreshAhead,
            @DefaultValue("true") boolean saveOnStop) {

        /** Workers of the heavy-analysis pool. */
        public int resolvedPoolSize() {
            return poolSize > 0 ? poolSize : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }

        /** Threads one analysis uses. */
        public int resolvedThreads() {
            return threads > 0 ? threads
                    : Math.max(1, (Runtime.getRuntime().availableProcessors() - 1) / resolvedPoolSize());
        }
    }

    /**
     * Referral path cost per tie: {@code (hopCost + trustWeight*(5-trust)/4
     * + recencyWeight*(1 - 2^(-daysSinceLastContact/recencyHalfLifeDays))) * (1 + organisationTiePenalty
     * if the tie runs through an organisation)}; a path's score is {@code 1/(1+total cost)}.
     *
     * @param hopCost                cost of every introduction step
     * @param trustWeight            weight of low trust (trust 5 costs nothing extra, trust 1 costs trustWeight)
     * @param recencyWeight          weight of a stale tie
     * @param recencyHalfLifeDays    after this many days without contact, half the recency penalty applies
     * @param organisationTiePenalty extra factor for ties through an organisation (weaker than KNOWS)
     * @param maxK                   largest {@code k} a query may ask for
     * @param maxHops                largest {@code maxHops} a query may ask for
     * @param maxTargets             largest number of targets a region/country/theme query returns
     */
    public record Referral(
            @DefaultValue("1.0") double hopCost,
            @DefaultValue("1.0") double trustWeight,
            @DefaultValue("0.5") double recencyWeight,
            @DefaultValue("365") double recencyHalfLifeDays,
            @DefaultValue("1.5") double organisationTiePenalty,
            @DefaultValue("10") @Min(1) @Max(50) int maxK,
            @DefaultValue("6") @Min(1) @Max(10) int maxHops,
            @DefaultValue("100") @Min(1) @Max(1000) int maxTargets) {
    }

    /**
     * @param directory  the only directory backups are written to and restored from (files hold the whole
     *                   network and password hashes, so they are created readable by their owner only)
     * @param passphrase the passphrase backups are encrypted under (at least {@value #MIN_PASSPHRASE_LENGTH}
     *                   characters; never logged); without it civnet refuses to write a backup. A blank
     *                   value counts as unset, so an empty environment variable does not stop start-up
     */
    public record Backup(@DefaultValue("./backups") @NotNull Path directory, String passphrase) {

        public static final int MIN_PASSPHRASE_LENGTH = 12;

        public Backup {
            passphrase = passphrase == null || passphrase.isBlank() ? null : passphrase;
            // Thrown here rather than through a constraint, whose failure report would print the value.
            if (passphrase != null && passphrase.length() < MIN_PASSPHRASE_LENGTH) {
                throw new IllegalArgumentException("civnet.backup.passphrase (CIVNET_BACKUP_PASSPHRASE) must have at least "
                        + MIN_PASSPHRASE_LENGTH + " characters");
            }
        }

        public boolean encrypted() {
            return passphrase != null;
        }

        @Override
        public String toString() {
            return "Backup[directory=" + directory + ", passphrase=" + (passphrase == null ? "(unset)" : "***") + "]";
        }
    }

    /**
     * @param targetShares share of contacts and organisations each region should have, fractions of 1
     *                     summing to 1 ({@code civnet.coverage.target-shares.AFRICA=0.2}); when none is
     *                     set, the seed's baseline (ENACA 0.32, ASIA_PACIFIC 0.22,
     *                     LATIN_AMERICA_CARIBBEAN 0.21, AFRICA 0.12, ARAB_REGION 0.13) is the reference point
     * @param minPartners  mandates with fewer partners than this are listed as a gap
     */
    public record Coverage(
            Map<Region, Double> targetShares,
            @DefaultValue("3") @Min(0) @Max(10_000) int minPartners) {

        public static final Map<Region, Double> BASELINE = Map.of(Region.ENACA, 0.32, Region.ASIA_PACIFIC, 0.22,
                Region.LATIN_AMERICA_CARIBBEAN, 0.21, Region.AFRICA, 0.12, Region.ARAB_REGION, 0.13);

        public Coverage {
            targetShares = targetShares == null || targetShares.isEmpty() ? BASELINE : Map.copyOf(targetShares);
            double sum = 0;
            for (Map.Entry<Region, Double> entry : targetShares.entrySet()) {
                if (entry.getValue() == null || entry.getValue() < 0 || entry.getValue() > 1) {
                    throw new IllegalArgumentException("civnet.coverage.target-shares." + entry.getKey()
                            + " must be a fraction between 0 and 1");
                }
                sum += entry.getValue();
            }
            if (Math.abs(sum - 1.0) > 0.001) {
                throw new IllegalArgumentException("civnet.coverage.target-shares must sum to 1 (they sum to " + sum
                        + "); set all five regions");
            }
        }
    }

    /**
     * @param idleTimeout a page session unused this long ends (the officer logs in again); programs use
     *                    HTTP Basic or API tokens and have no session
     */
    public record Session(@DefaultValue("30m") @NotNull java.time.Duration idleTimeout) {
    }

    /**
     * @param reviewAfterYears a contact with no activity, tie contact, introduction or update for this
     *                         many years is listed for review ({@code GET /api/retention/review}); nothing
     *                         is ever deleted automatically
     */
    public record Retention(@DefaultValue("3") @Min(1) @Max(100) int reviewAfterYears) {
    }

    /**
     * @param anonymityK the least number of pseudonymised people any output for a role without clearance
     *                   (ANALYST, REPORTS) shows as indistinguishable from each other under the gate's model
     *                   (category, region, degree and the one-hop neighbourhood's categories and regions);
     *                   people who would stand out are coarsened (region withheld) or withheld with their
     *                   ties. 1 switches the gate off
     */
    public record Privacy(@DefaultValue("5") @Min(1) @Max(1000) int anonymityK) {
    }

    /**
     * @param reviewDate   until when a consent to introduce of unknown date counts as current: one migrated
     *                     from the old yes/no {@code consentToIntroduce}, or given as that yes by an import or
     *                     a client; it is written as the record's {@code until}, so it comes up in the
     *                     expiring-consents list before it lapses. Unset: one year after the day the yes is read
     * @param expiringDays the expiring-consents follow-up lists consents that lapse within this many days
     */
    public record Consent(
            java.time.LocalDate reviewDate,
            @DefaultValue("30") @Min(1) @Max(366) int expiringDays) {
    }
}
