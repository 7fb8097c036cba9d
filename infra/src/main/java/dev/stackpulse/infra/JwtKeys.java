package dev.stackpulse.infra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Local-only JWT tooling for the run command, JDK only: {@code generate DIR} makes an RS256 key pair once;
 * {@code token DIR ROLE SUBJECT [HOURS] [ISSUER] [AUDIENCE]} prints a signed token for that role.
 */
public final class JwtKeys {

    static final String PRIVATE = "jwt-private.pem";
    static final String PUBLIC = "jwt-public.pem";

    private JwtKeys() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(dir);
            case "token" -> System.out.println(token(dir, args[2], args.length > 3 ? args[3] : "local-" + args[2],
                    args.length > 4 ? Long.parseLong(args[4]) : 8,
                    args.length > 5 ? args[5] : "https://stackpulse.dev/issuer",
                    args.length > 6 ? args[6] : "stackpulse-api"));
            default -> throw new IllegalArgumentException("usage: generate DIR | token DIR ROLE [SUBJECT] [HOURS]");
        }
    }

    /** Makes the pair once; the private key (and its folder) is readable by its owner only, also one made before. */
    static void generate(Path dir) throws Exception {
        OwnerOnly.directory(dir);
        if (Files.exists(dir.resolve(PRIVATE))) {
            Files.setPosixFilePermissions(dir.resolve(PRIVATE), OwnerOnly.FILE);
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve(PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        OwnerOnly.write(dir.resolve(PRIVATE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    static String token(Path dir, String role, String subject, long hours, String issuer, String audience)
            throws Exception {
        String roles = role.equals("admin") ? "[\"admin\",\"editor\"]" : "[\"" + role + "\"]";
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":" + roles + ",\"iat\":" + now + ",\"exp\":"
                + (now + hours * 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey(dir));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    private static PrivateKey privateKey(Path dir) throws Exception {
        String pem = Files.readString(dir.resolve(PRIVATE)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
