package org.frontdoor.testsupport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Prints one development token on stdout (and nothing else there):
 * {@code DevTokenCli [--keys DIR] [--issuer URL] ROLE [--org ORG] [--subject NAME] [--hours N]}.
 * The issuer defaults to {@link DevTokens#ISSUER}; the local run passes its OpenID Connect provider's.
 * Keys default to {@code .local/keys}, where the local run keeps them. Exit code 2 on bad arguments.
 */
public final class DevTokenCli {

    static final String DEFAULT_KEYS_DIR = ".local/keys";
    /** The services accept tokens issued at most 12 hours ago (mp.jwt.verify.token.age). */
    private static final int MAX_HOURS = 12;

    private DevTokenCli() {
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        // anything a library prints must not end up next to the token
        System.setOut(System.err);
        int code = run(args, stdout, System.err);
        stdout.flush();
        System.exit(code);
    }

    /** Runs the CLI; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
            if (options.help) {
                err.println(usage());
                return 0;
            }
            options.check();
        } catch (IllegalArgumentException e) {
            err.println("DevTokenCli: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        try {
            out.println(options.token());
            return 0;
        } catch (RuntimeException e) {
            err.println("DevTokenCli: could not issue a token: " + e.getMessage());
            return 1;
        }
    }

    /** The command line: the token asked for, or help. */
    private static final class Options {
        String keys = DEFAULT_KEYS_DIR;
        String issuer = DevTokens.ISSUER;
        String role;
        String org;
        String subject;
        long hours = DevTokens.DEFAULT_LIFETIME.toHours();
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length && !o.help; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--keys" -> o.keys = value(args, ++i, arg);
                    case "--org" -> o.org = value(args, ++i, arg);
                    case "--issuer" -> o.issuer = value(args, ++i, arg);
                    case "--subject" -> o.subject = value(args, ++i, arg);
                    case "--hours" -> o.hours = hours(value(args, ++i, arg));
                    case "-h", "--help" -> o.help = true;
                    default -> o.role(arg);
                }
            }
            return o;
        }

        private void role(String arg) {
            if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (role != null) {
                throw new IllegalArgumentException("only one ROLE, got " + role + " and " + arg);
            }
            role = arg;
        }

        void check() {
            if (role == null) {
                throw new IllegalArgumentException("a ROLE is required; one of " + String.join(", ", DevTokens.ROLES));
            }
            if (!DevTokens.ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "'; roles are "
                        + String.join(", ", DevTokens.ROLES));
            }
            if ("partner".equals(role) && (org == null || org.isBlank())) {
                throw new IllegalArgumentException("a partner token needs --org");
            }
        }

        String token() {
            DevTokens.Builder builder = new DevTokens(DevKeys.loadOrCreate(Path.of(keys)), issuer)
                    .builder()
                    .role(role)
                    .lifetime(Duration.ofHours(hours));
            if (org != null) {
                builder.org(org);
            }
            if (subject != null) {
                builder.subject(subject);
            }
            return builder.build();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        if (args[i].isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank");
        }
        return args[i];
    }

    private static long hours(String text) {
        try {
            long hours = Long.parseLong(text);
            if (hours < 1 || hours > MAX_HOURS) {
                throw new IllegalArgumentException("--hours must be between 1 and " + MAX_HOURS);
            }
            return hours;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hours needs a whole number, got " + text);
        }
    }

    private static String usage() {
        return "usage: DevTokenCli [--keys DIR] [--issuer URL] ROLE [--org ORG] [--subject NAME] [--hours N]\n"
                + "  ROLE: " + String.join(" | ", DevTokens.ROLES) + " (partner needs --org)\n"
                + "  --keys DIR  key pair directory (default " + DEFAULT_KEYS_DIR + ", created when missing)\n"
                + "  --issuer URL  the iss claim (default " + DevTokens.ISSUER + ")\n"
                + "  --hours N   lifetime in hours (default " + DevTokens.DEFAULT_LIFETIME.toHours() + ")";
    }
}
