package com.fitnesscrm.orchestrator.dashboard.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * An interactive ECharts chart whose options are built on the server as JSON. ECharts comes from its webjar, loaded
 * at run time once per page ({@code Page.addJavaScript} loads a URL only once), since no frontend build is possible
 * here (docs/decisions/0024). The chart follows its container's size, reads Lumo's colours so light and dark both
 * read well, and is disposed when the component leaves the page.
 */
public class Chart extends Div {

    static final String ECHARTS = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Draws (or redraws) {@code options} once ECharts is there. Text, axis and grid colours come from the Lumo
     * variables of the element, so a theme switch is picked up on the next draw and by a watcher of the theme.
     */
    private static final String DRAW = """
            const el = this, options = JSON.parse($0);
            const dispose = () => {
              if (el.$resize) { el.$resize.disconnect(); }
              if (el.$theme) { el.$theme.disconnect(); }
              if (el.$chart && !el.$chart.isDisposed()) { el.$chart.dispose(); }
              el.$chart = null;
            };
            const draw = () => {
              if (!window.echarts) { setTimeout(draw, 50); return; }
              if (!el.isConnected) { return; }
              const css = getComputedStyle(el), v = name => css.getPropertyValue(name).trim();
              const text = v('--lumo-body-text-color') || '#333', muted = v('--lumo-secondary-text-color') || '#666',
                    line = v('--lumo-contrast-20pct') || '#ddd', bg = v('--lumo-base-color') || '#fff';
              const axis = a => Object.assign(a, {axisLabel: Object.assign(a.axisLabel || {}, {color: muted}),
                    nameTextStyle: {color: muted}, axisLine: {lineStyle: {color: line}},
                    splitLine: Object.assign(a.splitLine || {}, {lineStyle: {color: line}})});
              options.textStyle = {color: text, fontFamily: v('--lumo-font-family') || 'sans-serif'};
              options.backgroundColor = 'transparent';
              if (options.title) { options.title.textStyle = {color: text, fontSize: 14}; }
              if (options.legend) { options.legend.textStyle = {color: text}; options.legend.inactiveColor = line; }
              if (options.tooltip) { Object.assign(options.tooltip, {backgroundColor: bg, borderColor: line,
                    textStyle: {color: text}}); }
              ['xAxis', 'yAxis'].forEach(k => { if (options[k]) { [].concat(options[k]).forEach(axis); } });
              if (!el.$chart || el.$chart.isDisposed()) {
                el.$chart = echarts.init(el, null, {renderer: 'canvas'});
                el.$resize = new ResizeObserver(() => {
                  if (!el.isConnected) { dispose(); } else if (el.$chart) { el.$chart.resize(); }
                });
                el.$resize.observe(el);
                el.$theme = new MutationObserver(() => el.$draw && el.$draw());
                [document.documentElement, document.body].forEach(n => el.$theme.observe(n,
                    {attributes: true, attributeFilter: ['theme']}));
              }
              el.$chart.setOption(options, true);
            };
            el.$draw = draw;
            el.$dispose = dispose;
            draw();
            """;
    private static final String DISPOSE = "if (this.$dispose) { this.$dispose(); }";

    private String options;

    public Chart(String id) {
        setId(id);
        addClassName("metrics-chart");
        setWidthFull();
        setHeight("300px");
    }

    /** The options ECharts draws, as last set: for tests and the CSV's check that the chart shows what it says. */
    public String options() {
        return options;
    }

    public void setOptions(ObjectNode options) {
        this.options = options.toString();
        if (isAttached()) {
            draw();
        }
    }

    private void draw() {
        getElement().executeJs(DRAW, options);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(ECHARTS);
        if (options != null) {
            draw();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        getElement().executeJs(DISPOSE);
        super.onDetach(event);
    }
}
