package io.streambench.mock.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Makes X.509 v3 certificates (EC P-256, SHA256withECDSA) with subject alternative names, self-signed or
 * issued by one of them.
 *
 * <pre>{@code
 * TlsIdentity id = SelfSignedCertificates.create(List.of("localhost", "127.0.0.1"), notBefore, notAfter);
 * }</pre>
 *
 * BouncyCastle's PKIX builders encode the certificate; the keys are made and the signature computed by the
 * JDK's own providers (SunEC): the BouncyCastle provider is never registered, so the JVM's TLS stack is
 * untouched. Netty's {@code SelfSignedCertificate} is not used: it makes RSA keys for one DNS name and
 * cannot issue leaves from a CA, which the tests need.
 */
public final class SelfSignedCertificates {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private SelfSignedCertificates() {
    }

    /**
     * A new key pair and a self-signed certificate for it (a CA certificate, so it can also {@link #issue}),
     * valid from {@code notBefore} to {@code notAfter}, whose subject alternative names are {@code names} (IP
     * literals become IP address names, the rest DNS names).
     */
    public static TlsIdentity create(List<String> names, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X500Principal name = name(names);
        return make(names, notBefore, notAfter, keys, name, keys.getPrivate(), true, List.of());
    }

    /**
     * A new key pair and a certificate for it signed by {@code issuer}: a leaf that clients which trust the
     * issuer accept, unless it has expired or names another host. The chain is the leaf, then the issuer's.
     */
    public static TlsIdentity issue(TlsIdentity issuer, List<String> names, Instant notBefore, Instant notAfter) {
        return make(names, notBefore, notAfter, newKeyPair(), issuer.chain().get(0).getSubjectX500Principal(),
                issuer.key(), false, issuer.chain());
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

    private static X500Principal name(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one subject alternative name is required");
        }
        return new X500Principal("CN=" + names.get(0) + ", O=streambench mock");
    }

    private static TlsIdentity make(List<String> names, Instant notBefore, Instant notAfter, KeyPair keys,
            X500Principal issuer, PrivateKey signingKey, boolean ca, List<X509Certificate> issuerChain) {
        X500Principal subject = name(names);
        BigInteger serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notAfter), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuerChain);
            return new TlsIdentity(keys.getPrivate(), chain);
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        GeneralName[] general = new GeneralName[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            general[i] = new GeneralName(IPAddress.isValid(n) ? GeneralName.iPAddress : GeneralName.dNSName, n);
        }
        return new GeneralNames(general);
    }
}
