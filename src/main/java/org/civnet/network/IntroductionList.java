package org.civnet.network;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.civnet.domain.IntroductionStatus;
import org.civnet.neo4j.Transactions;
import org.civnet.network.NetworkStore.Page;
import org.civnet.security.AuditLog;
import org.civnet.security.Redactor;
import org.civnet.security.Role;
import org.civnet.security.UserAccounts;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** The list of introductions with its filters (newest first), for the introductions page and the officer's own. */
@Repository
public class IntroductionList {

    /**
     * What to list; null means "any". {@code person} matches any of the three roles; {@code mine}
     * keeps the caller's: those whose recipient is the contact linked to the caller's account, or
     * that the caller recorded or is responsible for.
     */
    public record Filter(String person, String recipient, String introducer, String introduced,
                         IntroductionStatus status, String recordedBy, boolean mine) {
    }

    private final Transactions transactions;
    private final UserAccounts accounts;
    private final Redactor redactor;
    private final PropertyMapper mapper = new PropertyMapper();

    public IntroductionList(Transactions transactions, UserAccounts accounts, Redactor redactor) {
        this.transactions = transactions.require("introduction/list", "introduction/count");
        this.accounts = accounts;
        this.redactor = redactor;
    }

    /**
     * A page of introductions for {@code role}. For roles without clearance a protected person's
     * id selects nothing, exactly as an unknown id does (the redaction shows them as pseudonyms, so
     * a hit would tie the id to the pseudonym); the order (dates, then introduction ids) reveals no
     * person's id.
     */
    public Page<IntroductionItem> list(Filter filter, int page, int size, Role role) {
        if (!Role.cleared(role) && Stream.of(filter.person(), filter.recipient(), filter.introducer(), filter.introduced())
                .anyMatch(redactor::isProtected)) {
            return new Page<>(List.of(), page, size, 0);
        }
        String me = AuditLog.currentUser();
        Map<String, Object> params = new HashMap<>();
        params.put("person", filter.person());
        params.put("recipient", filter.recipient());
        params.put("introducer", filter.introducer());
        params.put("introduced", filter.introduced());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("recordedBy", filter.recordedBy());
        params.put("mine", filter.mine());
        params.put("me", me);
        params.put("myContact", filter.mine() ? accounts.contactOf(me).orElse(null) : null);
        params.put("skip", (long) page * size);
        params.put("limit", size);
        return transactions.inRead(tx -> {
            List<IntroductionItem> items = tx.run(transactions.statements().get("introduction/list"), params)
                    .list(this::item);
            long total = tx.run(transactions.statements().get("introduction/count"), params).single().get("count").asLong();
            return new Page<>(items, page, size, total);
        });
    }

    private IntroductionItem item(Record r) {
        Map<String, Object> map = new LinkedHashMap<>(r.get("i").asMap());
        String recordedBy = (String) map.remove("recordedBy");
        map.put("introducer", r.get("introducer").asString(null));
        map.put("introduced", r.get("introduced").asString(null));
        map.put("recipient", r.get("recipient").asString(null));
        return IntroductionItem.of(mapper.fromMap(map, Introduction.class), recordedBy,
                r.get("introducerName").asString(null), r.get("introducedName").asString(null),
                r.get("recipientName").asString(null));
    }
}
