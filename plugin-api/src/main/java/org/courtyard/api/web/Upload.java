package org.courtyard.api.web;

import java.nio.file.Path;

/**
 * A file from a multipart form, already on disk in a temporary place; the core deletes it after the
 * request. {@code contentType} is what the browser claimed: check the content before trusting it.
 */
public record Upload(String field, String fileName, String contentType, long size, Path file) {}
