package com.fitnesscrm.orchestrator.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fitnesscrm.orchestrator.workouts.ClientProposal.ProposedContraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import org.junit.jupiter.api.Test;

class MedicalConditionsTest {

    @Test
    void finds_each_condition_once_with_the_phrase_that_named_it() {
        assertThat(MedicalConditions.propose("Left knee surgery 2019 (ACL); herniated disc L4/L5, "
                + "mild shoulder impingement. Right knee fine"))
                .extracting(ProposedContraindication::contraindication, ProposedContraindication::foundIn)
                .containsExactly(tuple(Contraindication.KNEE, "Left knee surgery 2019"),
                        tuple(Contraindication.LOWER_BACK, "herniated disc L4"),
                        tuple(Contraindication.SHOULDER, "mild shoulder impingement"));
    }

    @Test
    void a_denial_proposes_nothing() {
        assertThat(MedicalConditions.propose("None")).isEmpty();
        assertThat(MedicalConditions.propose("No knee or back problems")).isEmpty();
        assertThat(MedicalConditions.propose("no injuries, asthma")).isEmpty();
        assertThat(MedicalConditions.propose(null)).isEmpty();
    }

    @Test
    void upper_back_is_not_the_lower_back_and_words_inside_other_words_do_not_count() {
        assertThat(MedicalConditions.propose("upper back tension; hiphop dancer; backpacking")).isEmpty();
        assertThat(MedicalConditions.propose("Lower back pain, 20 weeks pregnant, carpal tunnel (right wrist), "
                + "hip replacement 2021"))
                .extracting(ProposedContraindication::contraindication)
                .containsExactly(Contraindication.LOWER_BACK, Contraindication.PREGNANCY, Contraindication.WRIST,
                        Contraindication.HIP);
    }
}
