package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civnet.domain.FollowUp;
import org.civnet.domain.TieType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The import's direct tie conversion stores exactly what the generic record conversion stores. */
class TiePropertiesTest {

    static List<Tie> ties() {
        return List.of(
                new Tie(TieType.KNOWS, "a", "b", null, null, null, null, null),
                new Tie(TieType.KNOWS, "a", "b", 4, LocalDate.of(2019, 3, 1), LocalDate.of(2026, 11, 30), null, null),
                new Tie(TieType.AFFILIATED_WITH, "a", "o", null, LocalDate.of(1, 1, 1), null, "Director, \"legal\"", null),
                new Tie(TieType.PARTNERS_WITH, "o", "p", null, null, LocalDate.of(9999, 12, 31), null, List.of()),
                new Tie(TieType.PARTNERS_WITH, "o", "p", null, null, null, null, List.of("monitoring", "ünïcode")),
                new Tie(TieType.MET_DURING, "a", "v", null, null, null, null, null, FollowUp.REPORT_SENT),
                new Tie(TieType.SOURCE_OF, "a", "c", 1, LocalDate.of(2000, 2, 29), null, "", null, FollowUp.NOT_INFORMED));
    }

    @ParameterizedTest
    @MethodSource("ties")
    void theSamePropertiesAsTheGenericConversion(Tie tie) {
        Map<String, Object> generic = new PropertyMapper().toMap(tie);
        generic.remove("type");
        generic.remove("from");
        generic.remove("to");
        assertThat(PropertyMapper.tieProperties(tie)).isEqualTo(generic);
    }
}
