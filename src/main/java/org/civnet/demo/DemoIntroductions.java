package org.civnet.demo;

import static org.civnet.demo.DemoWorld.CONTACT;
import static org.civnet.demo.DemoWorld.FIRST_DAY;
import static org.civnet.demo.DemoWorld.key;
import static org.civnet.demo.DemoWorld.paddedId;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.civnet.domain.IntroductionStatus;
import org.civnet.domain.TieType;
import org.civnet.network.Contact;
import org.civnet.network.Introduction;

/**
 * Introductions in the demo network, made along existing KNOWS ties; a MADE introduction adds the KNOWS tie it
 * created, while people at risk or without consent are declined or left requested.
 */
final class DemoIntroductions {
    private final DemoWorld world;

    DemoIntroductions(DemoWorld world) {
        this.world = world;
    }

    /**
     * Introductions along existing KNOWS ties: the introducer knows both people. A MADE introduction adds
     * the KNOWS tie it created; people at risk or without consent are declined or left requested.
     */
    void createIntroductions() {
        int count = Math.max(20, (int) Math.round(world.n / 100.0));
        int[][] adjacency = knowsAdjacency();
        int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2022, 1, 1));
        for (int i = 0, attempt = 0; i < count && attempt < 50 * count; attempt++) {
            int introducer;
            int introduced;
            int recipient;
            if (world.rng.nextDouble() < 0.3) {
                recipient = world.hros.get(world.rng.nextInt(world.hros.size()));
                introducer = randomNeighbour(adjacency, recipient);
                introduced = introducer < 0 ? -1 : randomNeighbour(adjacency, introducer);
            } else {
                introducer = world.memberAt[world.rng.nextInt(world.regularCount)];
                introduced = randomNeighbour(adjacency, introducer);
                recipient = randomNeighbour(adjacency, introducer);
            }
            if (introducer < 0 || introduced < 0 || recipient < 0 || introduced == recipient
                    || world.contactCommunity[introducer] < 0 || world.contactCommunity[introduced] < 0
                    || world.planted[recipient] || !world.contacts[introducer].consentToIntroduce()
                    || world.tieKeys.contains(key(TieType.KNOWS, CONTACT, Math.min(introduced, recipient),
                            Math.max(introduced, recipient)))) {
                continue;
            }
            Contact person = world.contacts[introduced];
            if (!person.consentToIntroduce() && world.rng.nextDouble() < 0.5) {
                continue; // introducers mostly propose people who have agreed to be introduced
            }
            IntroductionStatus status;
            double u = world.rng.nextDouble();
            if (person.needsProtection() || !person.consentToIntroduce()) {
                status = u < 0.7 ? IntroductionStatus.DECLINED : IntroductionStatus.REQUESTED;
            } else {
                status = u < 0.6 ? IntroductionStatus.MADE
                        : u < 0.85 ? IntroductionStatus.REQUESTED : IntroductionStatus.DECLINED;
            }
            int day = firstDay + world.rng.nextInt(world.lastDay - firstDay + 1);
            world.introductions.add(new Introduction(paddedId("i-", i + 1, 5), world.contactIds[introducer],
                    world.contactIds[introduced], world.contactIds[recipient], status, world.days[day], null));
            if (status == IntroductionStatus.MADE) {
                world.addKnows(introduced, recipient, false, day);
            }
            i++;
        }
    }

    private int[][] knowsAdjacency() {
        int[] degree = new int[world.n];
        for (int e = 0; e < world.knowsA.size(); e++) {
            degree[world.knowsA.get(e)]++;
            degree[world.knowsB.get(e)]++;
        }
        int[][] adjacency = new int[world.n][];
        for (int c = 0; c < world.n; c++) {
            adjacency[c] = new int[degree[c]];
        }
        int[] filled = new int[world.n];
        for (int e = 0; e < world.knowsA.size(); e++) {
            int a = world.knowsA.get(e);
            int b = world.knowsB.get(e);
            adjacency[a][filled[a]++] = b;
            adjacency[b][filled[b]++] = a;
        }
        return adjacency;
    }

    private int randomNeighbour(int[][] adjacency, int c) {
        int[] neighbours = adjacency[c];
        return neighbours.length == 0 ? -1 : neighbours[world.rng.nextInt(neighbours.length)];
    }
}
