package org.jpegmt.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jpegmt completion}: prints the bash/zsh completion script that picocli generates from the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Print a bash/zsh completion script for jpegmt on standard output."},
        footer = {"", "Examples:", "  source <(jpegmt completion)                       # bash, this shell",
                "  jpegmt completion > ~/.local/share/bash-completion/completions/jpegmt",
                "  autoload -U +X bashcompinit && bashcompinit; source <(jpegmt completion)   # zsh"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("jpegmt", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
