package org.civnet.coverage;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.coverage.Memory.Participant;
import org.civnet.coverage.Memory.PendingFollowUp;
import org.civnet.domain.FollowUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Participation in activities and follow-up lists. Participation itself is recorded with the
 * ties SOURCE_OF, MET_DURING and ATTENDED ({@code POST /api/ties}); here one reads who took part
 * and moves a participant's follow-up status along.
 */
@RestController
@Tag(name = "activities")
class ActivityController {

    /** The body of a follow-up update. */
    record FollowUpUpdate(FollowUp followUp) {
    }

    private final ParticipationService participation;

    ActivityController(ParticipationService participation) {
        this.participation = participation;
    }

    @GetMapping("/api/activities/{activity}/participants")
    @Operation(summary = "Who took part in a communication, country visit or training, with their follow-up status")
    List<Participant> participants(@PathVariable String activity) {
        return participation.participants(activity);
    }

    @PutMapping("/api/activities/{activity}/participants/{participant}")
    @Operation(summary = "Set a participant's follow-up: REPORT_SENT/NOT_SENT (country visit), INFORMED/NOT_INFORMED (communication)")
    Participant followUp(@PathVariable String activity, @PathVariable String participant,
                         @RequestBody FollowUpUpdate update) {
        return participation.setFollowUp(activity, participant, update.followUp());
    }

    @GetMapping("/api/followups/visit-reports")
    @Operation(summary = "People and organisations met during a country visit who have not been sent the visit report",
            description = "Without visit: every visit (or every visit of mandate). Newest visit first.")
    List<PendingFollowUp> visitReports(@RequestParam(required = false) String visit,
                                       @RequestParam(required = false) String mandate) {
        return participation.pendingVisitReports(visit, mandate);
    }

    @GetMapping("/api/followups/communications")
    @Operation(summary = "Sources of communications who have not been informed of the reply")
    List<PendingFollowUp> communications(@RequestParam(required = false) String communication,
                                         @RequestParam(required = false) String mandate) {
        return participation.pendingReplies(communication, mandate);
    }
}
