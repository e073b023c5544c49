package org.jpegmt.cli;

/** Entry point of the jpegmt command (placeholder until the CLI lands). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("jpegmt: not implemented yet");
        System.exit(2);
    }
}
