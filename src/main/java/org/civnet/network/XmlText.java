package org.civnet.network;

/**
 * Text made safe for XML 1.0, whatever the store holds: input is checked (no control characters),
 * but a value written by an older civnet, another program or by hand must not make a GraphML or
 * GEXF export unreadable. XML 1.0 cannot carry most C0 controls even as character references
 * ({@code &#0;} is not well-formed), nor lone surrogates; each such character becomes U+FFFD.
 */
final class XmlText {

    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    static String legal(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!legal && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(legal ? c : REPLACEMENT);
            }
        }
        return out == null ? text : out.toString();
    }
}
