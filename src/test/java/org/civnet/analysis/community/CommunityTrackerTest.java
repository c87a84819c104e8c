package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civnet.analysis.community.CommunityTracker.Change.CONTINUED;
import static org.civnet.analysis.community.CommunityTracker.Change.MERGED;
import static org.civnet.analysis.community.CommunityTracker.Change.NEW;
import static org.civnet.analysis.community.CommunityTracker.Change.SPLIT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.civnet.analysis.community.CommunityTracker.Tracked;
import org.junit.jupiter.api.Test;

class CommunityTrackerTest {

    /** Groups written as strings of one-letter members: "abc de" is {a,b,c}, {d,e}. */
    private static List<List<String>> groups(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String group : text.trim().split("\\s+")) {
            if (!group.isEmpty()) {
                out.add(group.chars().mapToObj(ch -> String.valueOf((char) ch)).toList());
            }
        }
        return out;
    }

    /** The previous partition: each group's members numbered with the given numbers. */
    private static Map<String, Integer> numbered(String text, int... numbers) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<List<String>> gs = groups(text);
        for (int i = 0; i < gs.size(); i++) {
            for (String m : gs.get(i)) {
                out.put(m, numbers[i]);
            }
        }
        return out;
    }

    private static CommunityTracker<String> track(Map<String, Integer> previous, int next, String current) {
        return new CommunityTracker<>(previous, next, groups(current));
    }

    @Test
    void emptyPartitions() {
        CommunityTracker<String> t = new CommunityTracker<>(Map.of(), 0, List.<List<String>>of());
        assertThat(t.tracked()).isEmpty();
        assertThat(t.ended()).isEmpty();
        assertThat(t.nextNumber()).isZero();
        // everything ended when nothing is left
        CommunityTracker<String> gone = new CommunityTracker<>(numbered("ab c", 0, 1), 2, List.<List<String>>of());
        assertThat(gone.ended()).containsExactly(0, 1);
        assertThat(gone.nextNumber()).isEqualTo(2);
    }

    @Test
    void withoutAPreviousPartitionEveryGroupIsNewAndNumberedBySizeRank() {
        CommunityTracker<String> t = track(Map.of(), 0, "a bcd ef");
        assertThat(t.numbers()).containsExactly(2, 0, 1);
        assertThat(t.tracked()).extracting(Tracked::change).containsOnly(NEW);
        assertThat(t.tracked(0).from()).isEmpty();
        assertThat(t.tracked(0).similarity()).isZero();
        assertThat(t.nextNumber()).isEqualTo(3);
    }

    @Test
    void theSamePartitionKeepsItsNumbersWhateverTheOrderOfGroupsAndMembers() {
        Map<String, Integer> previous = numbered("abc def gh", 4, 0, 9);
        CommunityTracker<String> t = track(previous, 10, "hg fed bca");
        assertThat(t.numbers()).containsExactly(9, 0, 4);
        assertThat(t.tracked()).extracting(Tracked::change).containsOnly(CONTINUED);
        assertThat(t.tracked(0).from()).containsExactly(9);
        assertThat(t.tracked(0).similarity()).isEqualTo(1.0);
        assertThat(t.ended()).isEmpty();
        assertThat(t.nextNumber()).isEqualTo(10);
    }

    @Test
    void aNewGroupGetsTheNextNumberNeverOneStillInUseNorOneUsedBefore() {
        // 7 ended long ago: the high-water mark 8 says so, even though the previous partition has 0 and 1 only
        CommunityTracker<String> t = track(numbered("abc def", 0, 1), 8, "abc def xy");
        assertThat(t.numbers()).containsExactly(0, 1, 8);
        assertThat(t.tracked(2).change()).isEqualTo(NEW);
        assertThat(t.tracked(2).from()).isEmpty();
        assertThat(t.nextNumber()).isEqualTo(9);
        // a number of the previous partition that ended is not given again either
        CommunityTracker<String> after = track(numbered("abc def", 0, 5), 0, "abc xy");
        assertThat(after.numbers()).containsExactly(0, 6);
        assertThat(after.ended()).containsExactly(5);
    }

    @Test
    void unrelatedGrowthKeepsTheNumberEvenWhenAGroupMoreThanDoubles() {
        // newcomers are not compared: abc's persisting members are all still together
        CommunityTracker<String> t = track(numbered("abc def", 0, 1), 2, "abcxyzuvw defq");
        assertThat(t.numbers()).containsExactly(0, 1);
        assertThat(t.tracked()).extracting(Tracked::change).containsOnly(CONTINUED);
        // and departures neither: def lost d and e
        CommunityTracker<String> shrunk = track(numbered("abc def", 0, 1), 2, "abc f");
        assertThat(shrunk.numbers()).containsExactly(0, 1);
        assertThat(shrunk.tracked(1).change()).isEqualTo(CONTINUED);
    }

    @Test
    void aGroupSplitInTwoUnequalPartsTheLargerContinues() {
        CommunityTracker<String> t = track(numbered("abcdefghij", 3), 4, "abcdefg hij");
        assertThat(t.tracked(0)).isEqualTo(new Tracked(3, CONTINUED, List.of(3), 0.7));
        assertThat(t.tracked(1)).isEqualTo(new Tracked(4, SPLIT, List.of(3), 0.3));
        assertThat(t.ended()).isEmpty();
    }

    @Test
    void aGroupSplitInHalvesEndsAndBothHalvesAreNew() {
        // J = 1/2 exactly for both: neither is "the same group", so neither takes the number
        CommunityTracker<String> t = track(numbered("abcd ef", 0, 1), 2, "ab cd ef");
        assertThat(t.tracked(0)).isEqualTo(new Tracked(2, SPLIT, List.of(0), 0.5));
        assertThat(t.tracked(1)).isEqualTo(new Tracked(3, SPLIT, List.of(0), 0.5));
        assertThat(t.tracked(2).number()).isEqualTo(1);
        assertThat(t.ended()).containsExactly(0);
    }

    @Test
    void twoGroupsMergedKeepTheLargersNumberWhenItDominates() {
        CommunityTracker<String> t = track(numbered("abcdef gh ij", 0, 1, 2), 3, "abcdefgh ij");
        // J(abcdefgh, abcdef) = 6/8 > 1/2: continues 0, and holds all of 1 as well
        assertThat(t.tracked(0)).isEqualTo(new Tracked(0, MERGED, List.of(0, 1), 0.75));
        assertThat(t.tracked(1).change()).isEqualTo(CONTINUED);
        assertThat(t.ended()).containsExactly(1);
    }

    @Test
    void twoEqualGroupsMergedGetANewNumber() {
        CommunityTracker<String> t = track(numbered("abc def", 0, 1), 2, "abcdef");
        assertThat(t.tracked(0)).isEqualTo(new Tracked(2, MERGED, List.of(0, 1), 0.5));
        assertThat(t.ended()).containsExactly(0, 1);
    }

    @Test
    void aMixtureWithNoDominantOriginIsNew() {
        // ab from abcd (half of it, not more), ef from efgh: no source holds more than half of the new group
        CommunityTracker<String> t = track(numbered("abcd efgh", 0, 1), 2, "abef cd gh");
        assertThat(t.tracked(0).change()).isEqualTo(NEW);
        assertThat(t.tracked(0).similarity()).isEqualTo(2.0 / 6.0);
    }

    /**
     * The six events of Palla, Barabási &amp; Vicsek (2007), Fig. 1, in one step: growth, contraction,
     * merging, splitting, birth and death.
     */
    @Test
    void theSixEventsOfPallaBarabasiVicsek() {
        Map<String, Integer> previous = numbered("abc defgh ijk lmn opqrst uv", 0, 1, 2, 3, 4, 5);
        // abc grows by w; defgh contracts to def; ijk and lmn merge; opqrst splits into opqr and st;
        // xyz is born; uv dies (its members are gone)
        CommunityTracker<String> t = track(previous, 6, "abcw def ijklmn opqr st xyz");
        assertThat(t.tracked(0)).isEqualTo(new Tracked(0, CONTINUED, List.of(0), 1.0));
        assertThat(t.tracked(1)).isEqualTo(new Tracked(1, CONTINUED, List.of(1), 1.0));
        assertThat(t.tracked(2)).isEqualTo(new Tracked(6, MERGED, List.of(2, 3), 0.5));
        assertThat(t.tracked(3)).isEqualTo(new Tracked(4, CONTINUED, List.of(4), 4.0 / 6.0));
        assertThat(t.tracked(4)).isEqualTo(new Tracked(8, SPLIT, List.of(4), 2.0 / 6.0));
        assertThat(t.tracked(5)).isEqualTo(new Tracked(7, NEW, List.of(), 0.0));
        assertThat(t.ended()).containsExactly(2, 3, 5);
        assertThat(t.nextNumber()).isEqualTo(9);
    }

    /**
     * Zachary's karate club before and after its fission (Zachary 1977; the {@code club} attribute):
     * one group of 34 becomes Mr. Hi's 17 and the Officer's 17. Neither faction is more than half
     * of the old club, so the club's number ends and both factions are splits of it.
     */
    @Test
    void theKarateClubsFission() {
        int[] club = CommunityFixtures.karateClubs();
        Map<Integer, Integer> before = new LinkedHashMap<>();
        List<List<Integer>> after = List.of(new ArrayList<>(), new ArrayList<>());
        for (int v = 0; v < club.length; v++) {
            before.put(v, 0);
            after.get(club[v]).add(v);
        }
        CommunityTracker<Integer> t = new CommunityTracker<>(before, 1, after);
        assertThat(t.tracked()).extracting(Tracked::change).containsOnly(SPLIT);
        assertThat(t.tracked()).extracting(Tracked::from).containsOnly(List.of(0));
        assertThat(t.numbers()).containsExactlyInAnyOrder(1, 2);
        assertThat(t.ended()).containsExactly(0);
        // and the next computation on the same factions keeps their numbers
        Map<Integer, Integer> numbered = new LinkedHashMap<>();
        for (int c = 0; c < 2; c++) {
            for (int v : after.get(c)) {
                numbered.put(v, t.numbers()[c]);
            }
        }
        CommunityTracker<Integer> again = new CommunityTracker<>(numbered, t.nextNumber(), after);
        assertThat(again.numbers()).containsExactly(t.numbers());
        assertThat(again.tracked()).extracting(Tracked::change).containsOnly(CONTINUED);
    }

    @Test
    void deterministicWhateverTheOrderOfTheInputs() {
        Random random = new Random(7);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            members.add("m" + i);
        }
        Map<String, Integer> previous = new LinkedHashMap<>();
        for (String m : members) {
            previous.put(m, random.nextInt(12));
        }
        List<List<String>> current = new ArrayList<>();
        for (int c = 0; c < 15; c++) {
            current.add(new ArrayList<>());
        }
        for (String m : members) {
            current.get(random.nextInt(15)).add(m);
        }
        CommunityTracker<String> first = new CommunityTracker<>(previous, 12, current);
        List<String> keys = new ArrayList<>(previous.keySet());
        Collections.shuffle(keys, random);
        Map<String, Integer> reordered = new LinkedHashMap<>();
        keys.forEach(k -> reordered.put(k, previous.get(k)));
        List<List<String>> shuffled = new ArrayList<>();
        for (List<String> group : current) {
            List<String> copy = new ArrayList<>(group);
            Collections.shuffle(copy, random);
            shuffled.add(copy);
        }
        assertThat(new CommunityTracker<>(reordered, 12, shuffled).tracked()).isEqualTo(first.tracked());
    }

    @Test
    void rejectsAMemberInTwoGroupsAndNegativeNumbers() {
        assertThatThrownBy(() -> track(Map.of(), 0, "ab bc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> track(Map.of("a", -1), 0, "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
