package org.civnet.coverage;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civnet.coverage.Memory.Participant;
import org.civnet.coverage.Memory.PendingFollowUp;
import org.civnet.domain.FollowUp;
import org.civnet.domain.InvalidInputException;
import org.civnet.network.NetworkStore;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.TieType;
import org.springframework.stereotype.Service;

/** Who took part in an activity, their follow-up status, and the lists of follow-ups still due. */
@Service
class ParticipationService {

    private static final Set<NodeLabel> ACTIVITIES = Set.of(NodeLabel.Communication, NodeLabel.CountryVisit,
            NodeLabel.Training);

    private final MemoryStore memory;
    private final NetworkStore network;

    ParticipationService(MemoryStore memory, NetworkStore network) {
        this.memory = memory;
        this.network = network;
    }

    List<Participant> participants(String activity) {
        requireActivity(activity);
        return memory.participants(activity);
    }

    /** Sets one participant's follow-up status; the status must fit the activity (report or reply). */
    Participant setFollowUp(String activity, String participant, FollowUp followUp) {
        if (followUp == null) {
            throw new InvalidInputException("followUp", "is required");
        }
        TieType tie = participationTie(requireActivity(activity));
        if (!followUp.appliesTo(tie)) {
            List<FollowUp> allowed = FollowUp.allowedFor(tie);
            throw new InvalidInputException("followUp", allowed.isEmpty()
                    ? "trainings carry no follow-up status"
                    : "must be one of " + allowed + " for a " + tie + " participation");
        }
        if (memory.setFollowUp(tie, activity, participant, followUp).isEmpty()) {
            throw new NotFoundException(tie + " tie", participant + " - " + activity);
        }
        return memory.participants(activity).stream().filter(p -> p.id().equals(participant)).findFirst()
                .orElseThrow(() -> new NotFoundException(tie + " tie", participant + " - " + activity));
    }

    /** People and organisations met during a visit (or any visit, or a mandate's visits) not yet sent the report. */
    List<PendingFollowUp> pendingVisitReports(String visit, String mandate) {
        requireKind("visit", visit, NodeLabel.CountryVisit);
        requireKind("mandate", mandate, NodeLabel.Mandate);
        return memory.pendingVisitReports(visit, mandate, null);
    }

    /** Sources of communications not yet informed of the reply. */
    List<PendingFollowUp> pendingReplies(String communication, String mandate) {
        requireKind("communication", communication, NodeLabel.Communication);
        requireKind("mandate", mandate, NodeLabel.Mandate);
        return memory.pendingReplies(communication, mandate, null);
    }

    static TieType participationTie(NodeLabel activity) {
        return switch (activity) {
            case Communication -> TieType.SOURCE_OF;
            case CountryVisit -> TieType.MET_DURING;
            case Training -> TieType.ATTENDED;
            default -> throw new IllegalArgumentException(activity + " is not an activity");
        };
    }

    private NodeLabel requireActivity(String id) {
        NodeLabel label = network.labelsOf(List.of(id)).get(id);
        if (label == null) {
            throw new NotFoundException("activity", id);
        }
        if (!ACTIVITIES.contains(label)) {
            throw new InvalidInputException("activity", "'" + id + "' is a " + label
                    + ", not a Communication, CountryVisit or Training");
        }
        return label;
    }

    /** A filter that names a node must name one of the right kind (null: no filter). */
    private void requireKind(String field, String id, NodeLabel expected) {
        if (id == null) {
            return;
        }
        Map<String, NodeLabel> labels = network.labelsOf(List.of(id));
        if (!labels.containsKey(id)) {
            throw new NotFoundException(expected.name(), id);
        }
        if (labels.get(id) != expected) {
            throw new InvalidInputException(field, "'" + id + "' is a " + labels.get(id) + ", not a " + expected);
        }
    }
}
