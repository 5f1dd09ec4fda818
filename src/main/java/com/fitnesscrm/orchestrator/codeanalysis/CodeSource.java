package com.fitnesscrm.orchestrator.codeanalysis;

import java.util.Locale;
import java.util.Optional;

/**
 * A piece of code to review: the main backend's CI posts each changed file as {@code {code, file_path, language?,
 * analysis_type?}}.
 *
 * @param language     as sent or as the path says; {@link Language#UNKNOWN} when neither tells
 * @param analysisType how deep to look
 */
public record CodeSource(String code, String filePath, Language language, AnalysisType analysisType) {

    /**
     * {@code comprehensive} (what CI sends): every rule incl. PMD's quality rules; {@code security}: only security
     * findings; {@code quick}: our own rules and the secrets, without PMD.
     */
    public enum AnalysisType {
        COMPREHENSIVE, SECURITY, QUICK;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<AnalysisType> find(String code) {
            for (AnalysisType type : values()) {
                if (type.code().equals(code)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }
}
