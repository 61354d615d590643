package io.headroom.cli;

import io.headroom.planner.sim.SimulationEngine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine des|fast}: the engine's lower-case name. */
final class EngineConverter implements ITypeConverter<SimulationEngine> {
    @Override
    public SimulationEngine convert(String value) {
        try {
            return SimulationEngine.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
