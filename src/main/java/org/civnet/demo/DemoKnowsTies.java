package org.civnet.demo;

import static org.civnet.demo.DemoWorld.REGIONS;
import static org.civnet.demo.DemoWorld.UNDERSERVED_FACTOR;
import static org.civnet.demo.DemoWorld.cumulative;
import static org.civnet.demo.DemoWorld.underservedFactor;

import org.civnet.network.Regions;

/**
 * The KNOWS ties between regular contacts and HROs: a preferential-attachment spanning tree plus denser ties inside
 * each community, the HROs' wide acquaintance, and the ties across communities and (less often, and more rarely
 * into Africa and the Arab region) across regions, up to the requested average.
 */
final class DemoKnowsTies {
    private static final double SHARE_WITHIN_COMMUNITY = 0.8;
    private static final double SHARE_SAME_REGION_ACROSS = 0.65;

    private final DemoWorld world;

    DemoKnowsTies(DemoWorld world) {
        this.world = world;
    }

    void knowsWithinCommunities() {
        long target = Math.round(world.averageKnows * world.n);
        int communities = world.communityRegion.size();
        for (int k = 0; k < communities; k++) {
            int from = world.communityStart.get(k);
            int to = world.communityStart.get(k + 1);
            int size = to - from;
            for (int p = from + 1; p < to; p++) {
                // Preferential attachment to earlier members keeps the community connected and hub-rich.
                world.addKnows(world.memberAt[p], world.memberAt[world.weightedPosition(from, p)], true, -1);
            }
            long pairs = (long) size * (size - 1) / 2;
            long wanted = Math.round(SHARE_WITHIN_COMMUNITY * target * size / (double) world.regularCount);
            long within = Math.min(Math.max(size - 1L, wanted), Math.max(size - 1L, pairs / 2));
            long extra = within - (size - 1);
            for (long attempt = 0; extra > 0 && attempt < 20 * (within + 1); attempt++) {
                int a = world.memberAt[world.weightedPosition(from, to)];
                int b = world.memberAt[world.weightedPosition(from, to)];
                if (world.addKnows(a, b, true, -1)) {
                    extra--;
                }
            }
        }
    }

    /** HROs know many people in their region (the Geneva one everywhere), the main HRO and a few peers. */
    String knowsForHros() {
        int main = world.hros.get(0);
        for (int h = 0; h < world.hros.size(); h++) {
            int c = world.hros.get(h);
            int r = Regions.regionOf(world.contacts[c].country()).ordinal();
            int count = h == 0 ? 40 + world.rng.nextInt(20) : 15 + world.rng.nextInt(20);
            for (int i = 0; i < count; i++) {
                int p = h == 0 || world.rng.nextDouble() < 0.2 ? world.weightedPosition(0, world.regularCount)
                        : world.weightedPosition(world.regionStart[r], world.regionStart[r + 1]);
                world.addKnows(c, world.memberAt[p], true, -1);
            }
            world.addKnows(c, main, true, -1);
            for (int i = 0; i < 3; i++) {
                world.addKnows(c, world.hros.get(world.rng.nextInt(world.hros.size())), true, -1);
            }
        }
        return world.contactIds[main];
    }

    void knowsAcrossCommunities() {
        long target = Math.round(world.averageKnows * world.n);
        double[][] otherRegionCum = new double[REGIONS.length][];
        for (int from = 0; from < REGIONS.length; from++) {
            double[] weights = new double[REGIONS.length];
            for (int r = 0; r < REGIONS.length; r++) {
                weights[r] = r == from ? 0 : (world.regionStart[r + 1] - world.regionStart[r]) * underservedFactor(r);
            }
            otherRegionCum[from] = cumulative(weights);
        }
        long attempts = 0;
        long maxAttempts = 20 * Math.max(1, target - world.knowsA.size()) + 1000;
        while (world.knowsA.size() < target && attempts++ < maxAttempts) {
            int pu = world.weightedPosition(0, world.regularCount);
            int u = world.memberAt[pu];
            int ru = world.communityRegion.get(world.contactCommunity[u]);
            int rv = ru;
            if (world.rng.nextDouble() >= SHARE_SAME_REGION_ACROSS) {
                rv = world.draw(otherRegionCum[ru]);
                if (underservedFactor(ru) < 1 && world.rng.nextDouble() >= UNDERSERVED_FACTOR) {
                    continue;
                }
            }
            int v = world.memberAt[world.weightedPosition(world.regionStart[rv], world.regionStart[rv + 1])];
            if (world.contactCommunity[u] != world.contactCommunity[v]) {
                world.addKnows(u, v, false, -1);
            }
        }
    }
}
