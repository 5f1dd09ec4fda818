package com.fitnesscrm.orchestrator.workouts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The Workout planner's weekly-sets chart reads on its own: numbers on the bars, an axis with a unit, a legend. */
class VolumeChartTest {

    private static final WorkoutEngine ENGINE = new WorkoutEngine(ExerciseCatalogue.standard());

    @Test
    void every_bar_carries_its_number_and_the_axis_has_ticks_and_the_unit() throws Exception {
        WorkoutPlan plan = ENGINE.plan(request(Goal.HYPERTROPHY, 4, 12));
        List<String> texts = texts(VolumeChart.svg(plan));

        // 12 weeks: weeks 1–5, the deload, weeks 7–11, the deload: four bars a muscle, each with its number
        assertThat(texts).contains("Weeks 1–5", "Week 6 · deload", "Weeks 7–11", "Week 12 · deload");
        for (String muscle : List.of("chest", "back", "quads")) {
            String sets = VolumeChart.number(plan.weeklySetsPerMuscle().get(0).sets().get(muscle));
            assertThat(texts).as(muscle).contains(muscle, sets);
        }
        long numbers = texts.stream().filter(text -> text.matches("\\d+(\\.\\d)?")).count();
        assertThat(numbers).isGreaterThanOrEqualTo(Muscle.values().length * 4 + 6); // bars and ticks
        assertThat(texts).contains("0", "5", "10", "15", "20", "25", "sets / week");
    }

    @Test
    void the_legend_names_the_mrv_and_where_it_applies_the_mv_marks() throws Exception {
        List<String> withMv = texts(VolumeChart.svg(ENGINE.plan(request(Goal.HYPERTROPHY, 4, 4))));
        assertThat(withMv).contains("Weeks 1–4").anySatisfy(text -> assertThat(text).startsWith("MRV"))
                .anySatisfy(text -> assertThat(text).startsWith("MV"));
        // general fitness has no MV rule: no MV mark to explain
        List<String> withoutMv = texts(VolumeChart.svg(ENGINE.plan(request(Goal.GENERAL_FITNESS, 3, 4))));
        assertThat(withoutMv).anySatisfy(text -> assertThat(text).startsWith("MRV"))
                .noneSatisfy(text -> assertThat(text).startsWith("MV"));
    }

    @Test
    void the_description_says_each_bars_number_in_words() {
        WorkoutPlan plan = ENGINE.plan(request(Goal.HYPERTROPHY, 4, 4));
        String chest = VolumeChart.number(plan.weeklySetsPerMuscle().get(0).sets().get("chest"));
        assertThat(VolumeChart.description(plan)).contains("in sets / week").contains("Weeks 1–4: chest " + chest)
                .contains("Red marks: each muscle's MRV");
    }

    private static WorkoutRequest request(Goal goal, int days, int weeks) {
        return new WorkoutRequest("c", goal, FitnessLevel.INTERMEDIATE, EnumSet.allOf(Equipment.class), days, 75,
                weeks, Set.of(), List.of());
    }

    /** The chart's visible texts (not the tooltips), parsed as XML: it must be well-formed. */
    private static List<String> texts(String svg) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = document.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
