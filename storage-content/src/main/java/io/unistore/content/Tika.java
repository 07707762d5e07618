package io.unistore.content;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Apache Tika, loaded on first use: finding its detectors and parsers takes about a second and loads thousands
 * of classes, which a server that never classifies or extracts must not pay at start. Only this holder names
 * Tika's configuration; the JVM initialises it the first time a detection or extraction runs.
 */
final class Tika {
    static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
    static final Detector DETECTOR = CONFIG.getDetector();
    static final MediaTypeRegistry TYPES = CONFIG.getMediaTypeRegistry();
    static final AutoDetectParser PARSER = new AutoDetectParser(CONFIG);

    private Tika() {
    }
}
