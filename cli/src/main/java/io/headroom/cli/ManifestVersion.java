package io.headroom.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Implementation-Version the build writes into the jar manifest. */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Headroom.class.getPackage().getImplementationVersion();
        return new String[] {"headroom " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version")};
    }
}
