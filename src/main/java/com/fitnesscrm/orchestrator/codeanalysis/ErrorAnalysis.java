package com.fitnesscrm.orchestrator.codeanalysis;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One error, parsed and grouped: what the rules engine makes of a trace. Storage adds when the group was first and
 * last seen and how often.
 *
 * @param fingerprint   Sentry-style: the exception types of the chain and their in-app frames (module or class +
 *                      function) with numbers, ids, proxy suffixes and lambda names stripped; library frames left out
 * @param title         {@code Type: message} of the exception that surfaced, numbers in the message kept
 * @param exceptionType the root cause's type (the first of a Python chain, the last "Caused by:" of a Java one)
 * @param inAppFrames   the root cause's in-app frames, innermost last (as printed)
 * @param chain         each exception of the chain as {@code Type: message}, in printed order
 * @param likelyCause   what the rules say happened
 * @param suggestedFix  what to change
 * @param causeRule     the rule that explained it, e.g. {@code error.key-error.request-json}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorAnalysis(String fingerprint, String title, String exceptionType, String message, Language language,
                            List<Frame> inAppFrames, List<String> chain, String likelyCause, String suggestedFix,
                            String causeRule) {

    /** An in-app frame as the group shows it: {@code {file, function}}. */
    public record Frame(String file, String function) {
    }
}
