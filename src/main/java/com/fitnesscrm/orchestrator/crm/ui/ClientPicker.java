package com.fitnesscrm.orchestrator.crm.ui;

import com.fitnesscrm.orchestrator.crm.CrmClient;
import com.fitnesscrm.orchestrator.crm.CrmClientMatch;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.stream.Stream;

/**
 * Picks one of the CRM's clients by name or e-mail, instead of typing an id. A trainer linked to a CRM trainer sees
 * their assigned clients first, marked "your client". Hidden when the CRM has no clients to pick from (no CRM, or
 * an empty one): the views still take a typed id then.
 */
public class ClientPicker extends ComboBox<CrmClientMatch> {

    private final transient CrmService crm;
    private final Long trainerIdFirst;

    /**
     * @param trainerIdFirst the signed-in user's CRM trainer, or {@code null}
     */
    public ClientPicker(CrmService crm, Long trainerIdFirst) {
        super("Client");
        this.crm = crm;
        this.trainerIdFirst = trainerIdFirst;
        setPlaceholder("Search by name or e-mail");
        setHelperText(trainerIdFirst == null ? "From the CRM" : "From the CRM; your clients first");
        setClearButtonVisible(true);
        setItemLabelGenerator(ClientPicker::label);
        // The CRM answers at most CrmDirectory.MAX_SEARCH_RESULTS matches: typing narrows them, paging never starts.
        setItems(query -> query.getOffset() >= CrmDirectory.MAX_SEARCH_RESULTS ? Stream.empty()
                : crm.searchClients(query.getFilter().orElse(""), trainerIdFirst,
                        Math.min(CrmDirectory.MAX_SEARCH_RESULTS, query.getOffset() + query.getLimit())).stream()
                        .skip(query.getOffset()));
        setVisible(!crm.searchClients("", trainerIdFirst, 1).isEmpty());
        setMinWidth("24em");
    }

    /** The picked client, if any. */
    public CrmClient client() {
        return getValue() == null ? null : getValue().client();
    }

    Long trainerIdFirst() {
        return trainerIdFirst;
    }

    static String label(CrmClientMatch match) {
        CrmClient client = match.client();
        String email = client.email() == null || client.email().isBlank() ? "" : " · " + client.email();
        return client.name() + email + (match.assignedToTrainer() ? " · your client" : "");
    }
}
