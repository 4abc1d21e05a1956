package org.frontdoor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A development RSA-2048 signing key pair kept as PEM files ({@code dev-private.pem} PKCS#8,
 * {@code dev-public.pem} X.509 SubjectPublicKeyInfo). Generated on first use, reused afterwards, never committed:
 * tests use {@code target/dev-keys}, the local run {@code .local/keys}.
 */
public final class DevKeys {

    public static final String PRIVATE_KEY_FILE = "dev-private.pem";
    public static final String PUBLIC_KEY_FILE = "dev-public.pem";

    private static DevKeys forTests;

    private final Path publicKeyPem;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevKeys(Path publicKeyPem, PrivateKey privateKey, PublicKey publicKey) {
        this.publicKeyPem = publicKeyPem;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the pair from {@code dir}, creating the directory and the pair when missing. */
    public static DevKeys loadOrCreate(Path dir) {
        Path directory = dir.toAbsolutePath().normalize();
        Path privatePem = directory.resolve(PRIVATE_KEY_FILE);
        Path publicPem = directory.resolve(PUBLIC_KEY_FILE);
        try {
            Files.createDirectories(directory);
            // several JVMs (services' test runs, the local run) may race to create the pair
            try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                    KeyPair pair = generate();
                    write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
                    write(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
                }
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privatePem)));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicPem)));
                if (!matches(rsa, privateKey, publicKey)) {
                    throw new IllegalStateException(privatePem + " and " + publicPem
                            + " are not one key pair; delete both to have a new pair generated");
                }
                return new DevKeys(publicPem, privateKey, publicKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not load or create dev keys in " + directory, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable dev keys in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The pair for tests, in {@code ${user.dir}/target/dev-keys}. */
    public static synchronized DevKeys forTests() {
        if (forTests == null) {
            forTests = loadOrCreate(Support.userDirTarget("dev-keys"));
        }
        return forTests;
    }

    /** A throw-away private key that exists only in memory, for forged-token tests. */
    public static PrivateKey randomPrivateKey() {
        return generate().getPrivate();
    }

    /** Absolute path of {@code dev-public.pem}, suitable for {@code mp.jwt.verify.publickey.location}. */
    public Path publicKeyPem() {
        return publicKeyPem;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static boolean matches(KeyFactory rsa, PrivateKey privateKey, PublicKey publicKey)
            throws GeneralSecurityException {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            return true;
        }
        PublicKey derived = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return derived.equals(publicKey);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    /** Writes via a temp file and a rename so a reader never sees half a key. */
    private static void write(Path target, String content, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
