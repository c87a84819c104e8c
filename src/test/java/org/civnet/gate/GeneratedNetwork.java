package org.civnet.gate;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded network document in import-sized parts: {@code contacts} contacts {@code c0..}, then
 * {@code ties} KNOWS ties between random distinct contacts (trust 1–5), each part a JSON body for
 * {@code POST /api/import} small enough for a small heap.
 */
final class GeneratedNetwork {

    private GeneratedNetwork() {
    }

    static void parts(int contacts, int ties, int perPart, long seed, Consumer<String> post) {
        for (int from = 0; from < contacts; from += perPart) {
            StringBuilder body = new StringBuilder("{\"contacts\":[");
            for (int i = from; i < Math.min(contacts, from + perPart); i++) {
                body.append(i == from ? "" : ",").append("{\"id\":\"c").append(i).append("\",\"name\":\"Contact ")
                        .append(i).append("\",\"country\":\"").append(i % 3 == 0 ? "FR" : i % 3 == 1 ? "EG" : "BR")
                        .append("\",\"consentToIntroduce\":true}");
            }
            post.accept(body.append("]}").toString());
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int from = 0; from < ties; from += perPart) {
            StringBuilder body = new StringBuilder("{\"ties\":[");
            for (int i = from; i < Math.min(ties, from + perPart); i++) {
                int a = random.nextInt(contacts);
                int b = (a + 1 + random.nextInt(contacts - 1)) % contacts;
                body.append(i == from ? "" : ",").append("{\"type\":\"KNOWS\",\"from\":\"c").append(a).append("\",\"to\":\"c")
                        .append(b).append("\",\"trust\":").append(1 + random.nextInt(5)).append('}');
            }
            post.accept(body.append("]}").toString());
        }
    }
}
