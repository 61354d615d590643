package io.headroom.cli;

import io.headroom.planner.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom schema}: prints the JSON Schema of scenario files, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Print the JSON Schema of scenario files, for editors' completion and checks.",
        description = {
            "The schema is made from the keys the loader accepts; scenarios/headroom.schema.json is this output. An editor with YAML support (VS Code's YAML extension, any yaml-language-server client) reads it from a scenario's first line: # yaml-language-server: $schema=headroom.schema.json (a path relative to the scenario, or a URL). Loading the scenario stays the final check: rules across keys, such as minReplicas <= maxReplicas, are the loader's.",
            "",
            "Example: headroom schema > scenarios/headroom.schema.json",
            ""})
final class SchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(ScenarioSchema.json());
        spec.commandLine().getOut().flush();
    }
}
