package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.base.Coded;

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
    public enum AnalysisType implements Coded {
        COMPREHENSIVE, SECURITY, QUICK;
    }
}
