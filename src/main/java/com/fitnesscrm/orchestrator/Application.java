package com.fitnesscrm.orchestrator;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * FitnessCRM AI Orchestrator: AI agents, their runs, health monitoring and code analysis beside the FitnessCRM main
 * backend, with a Vaadin UI for admins and trainers and a REST facade for the main backend.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme("orchestrator")
@Meta(name = "color-scheme", content = "light dark")
// Server push (in the pre-compiled bundle, no npm build): run views follow their runs as they progress.
@Push
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** The product's icon on every page (META-INF/resources); browsers that ask for /favicon.ico get it too. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/icon.png", "192x192");
    }
}
