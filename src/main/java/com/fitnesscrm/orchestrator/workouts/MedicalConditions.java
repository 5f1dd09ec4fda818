package com.fitnesscrm.orchestrator.workouts;

import com.fitnesscrm.orchestrator.workouts.ClientProposal.ProposedContraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Contraindications a trainer's free text in {@code clients.medical_conditions} names: "left knee surgery 2019" is
 * {@code knee}, "herniated disc L4" is {@code lower_back}. A proposal, not a diagnosis: the planner shows it for the
 * trainer to confirm, the API applies it (a missed exercise is cheaper than an injury). A phrase that denies
 * ("no knee problems", "none") proposes nothing; "upper back" is not the lower back.
 */
public final class MedicalConditions {

    /** Words and the contraindication they name; whole words, with common endings. */
    private static final Map<Contraindication, List<String>> WORDS = new LinkedHashMap<>();
    private static final Pattern PHRASES = Pattern.compile("[,;.\\n/()]+|\\band\\b|\\bbut\\b");
    private static final Pattern DENIAL = Pattern.compile("^(no|none|nil|n/a|without|denies|not|never)\\b");
    private static final int MAX_FOUND_IN = 120;

    static {
        WORDS.put(Contraindication.KNEE, List.of("knee", "knees", "acl", "mcl", "pcl", "meniscus", "menisci",
                "patella", "patellar", "patellofemoral"));
        WORDS.put(Contraindication.LOWER_BACK, List.of("lower back", "low back", "back pain", "back injury",
                "back problem", "back surgery", "bad back", "back", "lumbar", "spine", "spinal", "disc", "disk",
                "herniated", "herniation", "sciatica", "scoliosis", "spondylolisthesis", "spondylosis"));
        WORDS.put(Contraindication.SHOULDER, List.of("shoulder", "shoulders", "rotator cuff", "labrum",
                "frozen shoulder", "ac joint", "impingement", "dislocated shoulder"));
        WORDS.put(Contraindication.WRIST, List.of("wrist", "wrists", "carpal tunnel"));
        WORDS.put(Contraindication.HIP, List.of("hip", "hips", "hip replacement", "hip flexor"));
        WORDS.put(Contraindication.PREGNANCY, List.of("pregnant", "pregnancy", "prenatal", "expecting a baby"));
    }

    private MedicalConditions() {
    }

    /** Each contraindication the text names once, with the phrase that named it first; empty for none. */
    public static List<ProposedContraindication> propose(String text) {
        List<ProposedContraindication> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        Set<Contraindication> seen = EnumSet.noneOf(Contraindication.class);
        for (String raw : PHRASES.split(text)) {
            String phrase = raw.strip();
            String lower = phrase.toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || DENIAL.matcher(lower).find()) {
                continue;
            }
            // "upper back" says nothing about the lower back; the rest of the phrase still counts.
            String checked = lower.replaceAll("\\bupper[- ]back\\b", " ");
            for (var entry : WORDS.entrySet()) {
                if (!seen.contains(entry.getKey()) && entry.getValue().stream().anyMatch(w -> mentions(checked, w))) {
                    seen.add(entry.getKey());
                    found.add(new ProposedContraindication(entry.getKey(), phrase.length() > MAX_FOUND_IN
                            ? phrase.substring(0, MAX_FOUND_IN) + "…" : phrase));
                }
            }
        }
        return found;
    }

    private static boolean mentions(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "(s|es)?\\b").matcher(text).find();
    }
}
