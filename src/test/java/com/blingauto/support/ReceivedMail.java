package com.blingauto.support;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail the application sent to the suite's SMTP server (GreenMail, {@link TestInfrastructure#smtp()}): its
 * headers, text and HTML bodies, and the token of the link it carries. Mails are delivered after commit on
 * another thread, so tests wait for them.
 */
public record ReceivedMail(String from, String to, String subject, String text, String html) {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** The mails received so far for that address, oldest first. */
    public static List<ReceivedMail> all(String address) {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : TestInfrastructure.smtp().getReceivedMessages()) {
            if (isFor(message, address)) {
                mails.add(read(message));
            }
        }
        return mails;
    }

    /** Waits until {@code count} mails arrived for that address; returns them, oldest first. */
    public static List<ReceivedMail> await(String address, int count) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<ReceivedMail> mails = all(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " mail(s) for " + address + " within " + TIMEOUT
                        + ", received " + mails.size());
            }
            sleep(50);
        }
    }

    /** Waits for the first mail to that address. */
    public static ReceivedMail awaitFirst(String address) {
        return await(address, 1).getFirst();
    }

    /** The first link of the text body whose path is {@code path} (e.g. {@code /verify-email}). */
    public URI link(String path) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            URI uri = URI.create(m.group());
            if (path.equals(uri.getPath())) {
                return uri;
            }
        }
        throw new AssertionError("no link to " + path + " in:\n" + text);
    }

    /** The {@code token} query parameter of the link to {@code path}. */
    public String token(String path) {
        for (String pair : link(path).getRawQuery().split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no token in the link to " + path);
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            if (recipients == null) {
                return false;
            }
            for (Address recipient : recipients) {
                if (recipient instanceof InternetAddress ia && ia.getAddress().equalsIgnoreCase(address)) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            String[] bodies = new String[2];
            collect(message, bodies);
            return new ReceivedMail(message.getFrom()[0].toString(), message.getAllRecipients()[0].toString(),
                    message.getSubject(), bodies[0], bodies[1]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), bodies);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
