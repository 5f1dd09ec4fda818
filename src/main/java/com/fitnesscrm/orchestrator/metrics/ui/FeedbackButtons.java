package com.fitnesscrm.orchestrator.metrics.ui;

import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.metrics.Feedback;
import com.fitnesscrm.orchestrator.metrics.FeedbackService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Thumbs up (helpful) and thumbs down (not helpful) on one run's result, for every view that shows a result. Shows
 * the signed-in user's vote (the pressed thumb is filled and {@code aria-pressed}); a click stores the vote, a click
 * on the other thumb changes it. Both are ordinary buttons: reachable with Tab, pressed with Enter or Space.
 */
public class FeedbackButtons extends HorizontalLayout {

    final Button helpful = new Button(VaadinIcon.THUMBS_UP.create());
    final Button notHelpful = new Button(VaadinIcon.THUMBS_DOWN.create());
    final Span said = new Span();
    private final transient FeedbackService feedback;
    private final long runId;
    private Feedback current;

    public FeedbackButtons(FeedbackService feedback, long runId) {
        this.feedback = feedback;
        this.runId = runId;
        addClassName("feedback-buttons");
        setSpacing(false);
        setAlignItems(FlexComponent.Alignment.CENTER);
        label(helpful, "Helpful", "This result was helpful");
        label(notHelpful, "Not helpful", "This result was not helpful");
        helpful.addClassName("feedback-helpful");
        notHelpful.addClassName("feedback-not-helpful");
        helpful.addClickListener(event -> vote(Feedback.HELPFUL));
        notHelpful.addClickListener(event -> vote(Feedback.NOT_HELPFUL));
        said.addClassName("feedback-said");
        said.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(new Span("Was this helpful?"), helpful, notHelpful, said);
        show(feedback.myVote(runId).orElse(null));
    }

    /** The vote shown: the user's, or {@code null} before they voted. */
    public Feedback current() {
        return current;
    }

    private static void label(Button button, String label, String tooltip) {
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(tooltip);
    }

    private void vote(Feedback value) {
        try {
            show(feedback.vote(runId, value).feedback());
        } catch (NotFoundException e) {
            Notification.show("This result's run no longer exists; the vote was not stored.", 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void show(Feedback value) {
        current = value;
        pressed(helpful, value == Feedback.HELPFUL);
        pressed(notHelpful, value == Feedback.NOT_HELPFUL || value == Feedback.INCORRECT);
        said.setText(value == null ? "" : value == Feedback.HELPFUL ? "You said helpful."
                : value == Feedback.INCORRECT ? "You said incorrect." : "You said not helpful.");
    }

    private static void pressed(Button button, boolean on) {
        button.getElement().setAttribute("aria-pressed", String.valueOf(on));
        if (on) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }
}
