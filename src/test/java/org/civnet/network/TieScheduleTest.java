package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tie schedule: every tie once, and no two groups of a round sharing a node. */
class TieScheduleTest {

    private record Edge(String from, String to) {
    }

    @Test
    void nothingToScheduleGivesNoRounds() {
        assertThat(TieSchedule.of(List.<Edge>of(), e -> new String[] {e.from(), e.to()}, 4).rounds()).isEmpty();
        assertThat(TieSchedule.single(List.of()).rounds()).isEmpty();
    }

    @Test
    void oddOrTooFewPartsAreRefused() {
        assertThatThrownBy(() -> TieSchedule.of(List.<Edge>of(), e -> new String[] {e.from(), e.to()}, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TieSchedule.of(List.<Edge>of(), e -> new String[] {e.from(), e.to()}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSingleTieIsOneRoundOfOneGroup() {
        List<List<List<Edge>>> rounds = TieSchedule.of(List.of(new Edge("a", "b")),
                e -> new String[] {e.from(), e.to()}, 2).rounds();
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0)).containsExactly(List.of(new Edge("a", "b")));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8})
    void everyTieOnceAndTheGroupsOfARoundTouchDisjointNodes(int parts) {
        List<Edge> edges = randomGraph(2_000, 20_000, parts);
        List<List<List<Edge>>> rounds = TieSchedule.of(edges, e -> new String[] {e.from(), e.to()}, parts).rounds();

        // the diagonal round and the parts - 1 rounds of the tournament
        assertThat(rounds).hasSize(parts);
        List<Edge> scheduled = new ArrayList<>();
        for (List<List<Edge>> round : rounds) {
            Set<String> touched = new HashSet<>();
            for (List<Edge> group : round) {
                Set<String> nodes = new HashSet<>();
                group.forEach(e -> {
                    nodes.add(e.from());
                    nodes.add(e.to());
                });
                for (String node : nodes) {
                    assertThat(touched.add(node)).as("node %s in two groups of one round", node).isTrue();
                }
                scheduled.addAll(group);
            }
        }
        assertThat(scheduled).containsExactlyInAnyOrderElementsOf(edges);
    }

    @Test
    void roundsOfTwoWritersHoldAboutAQuarterOfTheTiesEachInEqualGroups() {
        List<Edge> edges = randomGraph(10_000, 100_000, 4);
        List<List<List<Edge>>> rounds = TieSchedule.of(edges, e -> new String[] {e.from(), e.to()}, 4).rounds();
        for (List<List<Edge>> round : rounds) {
            int size = round.stream().mapToInt(List::size).sum();
            assertThat(size).isBetween(22_000, 28_000);
            assertThat(round.size()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theSameTieAlwaysFallsInTheSameCellWhicheverWayRound() {
        assertThat(TieSchedule.partOf("contact-17", 8)).isEqualTo(TieSchedule.partOf("contact-17", 8));
        List<List<List<Edge>>> forth = TieSchedule.of(List.of(new Edge("x-1", "y-2")), e -> new String[] {e.from(), e.to()}, 4).rounds();
        List<List<List<Edge>>> back = TieSchedule.of(List.of(new Edge("y-2", "x-1")), e -> new String[] {e.from(), e.to()}, 4).rounds();
        assertThat(forth).hasSize(1);
        assertThat(back).hasSize(1);
    }

    private static List<Edge> randomGraph(int nodes, int edges, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Edge> out = new ArrayList<>(edges);
        for (int i = 0; i < edges; i++) {
            out.add(new Edge("n-" + random.nextInt(nodes), "n-" + random.nextInt(nodes)));
        }
        return out;
    }
}
