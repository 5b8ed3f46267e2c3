package io.streambench.mock.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Makes X.509 v3 certificates (EC P-256, SHA256withECDSA) with subject alternative names, self-signed or
 * issued by one of them, using only public JDK APIs, so it works on every JDK from 17 on.
 *
 * <pre>{@code
 * TlsIdentity id = SelfSignedCertificates.create(List.of("localhost", "127.0.0.1"), notBefore, notAfter);
 * }</pre>
 *
 * Why not a library: Netty 4.2's {@code SelfSignedCertificate} needs BouncyCastle or the JDK-internal
 * {@code sun.security.x509} (closed since JDK 16), and {@code netty-pkitesting}'s {@code CertificateBuilder}
 * pulls in BouncyCastle (about 9 MB) in 4.2.17. A self-signed certificate is a small fixed DER structure
 * (RFC 5280 section 4.1): the JDK signs it and {@link CertificateFactory} checks it by parsing it back.
 */
public final class SelfSignedCertificates {

    private static final String OID_ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String OID_SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String OID_BASIC_CONSTRAINTS = "2.5.29.19";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SelfSignedCertificates() {
    }

    /**
     * A new key pair and a self-signed certificate for it (a CA certificate, so it can also {@link #issue}),
     * valid from {@code notBefore} to {@code notAfter}, whose subject alternative names are {@code names} (IP
     * literals become IP address names, the rest DNS names).
     */
    public static TlsIdentity create(List<String> names, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        byte[] name = name(names);
        return make(names, notBefore, notAfter, keys, name, name, keys.getPrivate(), true, List.of());
    }

    /**
     * A new key pair and a certificate for it signed by {@code issuer}: a leaf that clients which trust the
     * issuer accept, unless it has expired or names another host. The chain is the leaf, then the issuer's.
     */
    public static TlsIdentity issue(TlsIdentity issuer, List<String> names, Instant notBefore, Instant notAfter) {
        byte[] issuerName = issuer.chain().get(0).getSubjectX500Principal().getEncoded();
        return make(names, notBefore, notAfter, newKeyPair(), name(names), issuerName, issuer.key(), false,
                issuer.chain());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an EC key pair: " + e.getMessage(), e);
        }
    }

    private static byte[] name(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one subject alternative name is required");
        }
        return new X500Principal("CN=" + names.get(0) + ", O=streambench mock").getEncoded();
    }

    private static TlsIdentity make(List<String> names, Instant notBefore, Instant notAfter, KeyPair keys,
            byte[] subject, byte[] issuer, PrivateKey signingKey, boolean ca, List<X509Certificate> issuerChain) {
        try {
            byte[] algorithm = sequence(oid(OID_ECDSA_WITH_SHA256));
            byte[] extensions = ca
                    ? sequence(subjectAltNames(names), basicConstraintsCa())
                    : sequence(subjectAltNames(names));
            byte[] tbs = sequence(
                    tagged(0xA0, integer(BigInteger.TWO)),                 // version: v3
                    integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                    algorithm,
                    issuer,
                    sequence(time(notBefore), time(notAfter)),
                    subject,
                    keys.getPublic().getEncoded(),                           // SubjectPublicKeyInfo, DER already
                    tagged(0xA3, extensions));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(signingKey);
            signer.update(tbs);
            byte[] der = sequence(tbs, algorithm, bitString(signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuerChain);
            return new TlsIdentity(keys.getPrivate(), chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate: " + e.getMessage(), e);
        }
    }

    /** Critical basicConstraints with cA = true. */
    private static byte[] basicConstraintsCa() {
        return sequence(oid(OID_BASIC_CONSTRAINTS), tlv(0x01, new byte[] {(byte) 0xFF}),
                tlv(0x04, sequence(tlv(0x01, new byte[] {(byte) 0xFF}))));
    }

    private static byte[] subjectAltNames(List<String> names) {
        byte[][] general = new byte[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            general[i] = isIpLiteral(n) ? tlv(0x87, ipBytes(n)) : tlv(0x82, n.getBytes(StandardCharsets.US_ASCII));
        }
        return sequence(oid(OID_SUBJECT_ALT_NAME), tlv(0x04, sequence(general)));
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static byte[] ipBytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
    }

    private static byte[] time(Instant t) {
        int year = t.atZone(ZoneOffset.UTC).getYear();
        return year >= 1950 && year < 2050
                ? tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    // ---- DER (X.690): tag, length, value

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] tagged(int tag, byte[] content) {
        return tlv(tag, content);
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // leading 0: no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) (value >>> (7 * g)) & 0x7F;
            out.write(g == 0 ? b : b | 0x80);
        }
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
